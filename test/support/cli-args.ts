/** A command line from its words and its flags in order: `argv('amount', { call: 'x', json: true })` is `amount --call x --json`. */
export function argv(command: string, flags: Record<string, string | true>): string[] {
  return [
    ...command.split(' '),
    ...Object.entries(flags).flatMap(([name, value]) =>
      value === true ? [`--${name}`] : [`--${name}`, value],
    ),
  ];
}
