import type { Locator, Page } from 'playwright-core';

/**
 * One person's Agents Playground page, driven as a person would: type in the compose box, press a
 * card's button by its label, fill a card's input by its label, switch chats in the side bar.
 * Waits are on what the page shows (a new bot message), never on fixed sleeps.
 */
export class PlaygroundPage {
  constructor(
    readonly page: Page,
    readonly shot: (name: string) => Promise<void>,
  ) {}

  /** The bot's messages in the open chat (each card or text it sent). */
  botMessages(): Locator {
    return this.page.locator('.fai-OutputCard');
  }

  /** Opens a chat or channel from the side bar; the bot's greeting there (on first open) comes first. */
  async open(chat: string): Promise<void> {
    await this.page.getByText(chat, { exact: true }).first().click();
    await this.page.waitForTimeout(2_000);
  }

  /** Types `text` and waits until the bot has answered (a message more than before). */
  async says(text: string): Promise<void> {
    const before = await this.signature();
    const box = this.page.getByRole('textbox').first();
    await box.click();
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
    await this.onFailure(`answer-to-${text.slice(0, 30)}`, () => this.answered(before));
  }

  /**
   * Starts a channel post that @mentions the bot (a bot in a Teams channel reads only those): the
   * playground suggests the bot after "@", as Teams does.
   */
  async posts(text: string, bot = 'Midlerbot'): Promise<void> {
    const before = await this.signature();
    // In a channel the first text box is the new post's (replies have their own under each post).
    await this.page.getByRole('textbox').first().click();
    await this.page.keyboard.type(`@${bot.slice(0, 3)}`);
    await this.onFailure('mention', () =>
      this.page.getByRole('menuitem', { name: bot }).click({ timeout: 15_000 }),
    );
    await this.page.keyboard.type(` ${text}`);
    await this.page.getByRole('button', { name: 'Post', exact: true }).click();
    await this.onFailure(`answer-to-post-${text.slice(0, 30)}`, () => this.answered(before));
  }

  /**
   * Presses the newest button labelled `label` and waits for the bot's answer: a new message, or a
   * card updated in place (Action.Execute answers with the next card, not always the newest one).
   */
  async presses(label: string): Promise<void> {
    const before = await this.signature();
    await this.onFailure(`press-${label}`, async () => {
      // Answers too long for a button are a list with one "Svar" button (adapters/teams/card-actions.ts):
      // pressing such an answer is choosing it and sending.
      const radio = this.page.getByRole('radio', { name: label, exact: true });
      const button = this.page.getByRole('button', { name: label, exact: true });
      if ((await button.count()) === 0 && (await radio.count()) > 0) {
        await radio.last().check();
        return this.page
          .getByRole('button', { name: /^(Svar|Answer)$/ })
          .last()
          .click({ timeout: 15_000 });
      }
      return button.last().click({ timeout: 15_000 });
    });
    await this.onFailure(`answer-to-${label}`, () => this.answered(before));
  }

  /** A step that failed leaves a screenshot of what the person saw. */
  private async onFailure<T>(what: string, step: () => Promise<T>): Promise<T> {
    try {
      return await step();
    } catch (e) {
      await this.shot(`FAILED-${what.replace(/[^\w-]+/g, '_')}`).catch(() => undefined);
      throw e;
    }
  }

  /** Types into the newest card input labelled `label`. */
  async fills(label: string, value: string): Promise<void> {
    await this.onFailure(`fill-${label}`, () =>
      this.page.getByLabel(label, { exact: false }).last().fill(value, { timeout: 15_000 }),
    );
  }

  /** One typed answer: fills the newest card's `label` input, then sends the card. */
  async answers(label: string, value: string): Promise<void> {
    await this.fills(label, value);
    await this.presses('Send');
  }

  /** Answers by button, one press after the other (each waits for the bot's answer). */
  async pressesInTurn(...labels: string[]): Promise<void> {
    for (const label of labels) await this.presses(label);
  }

  /**
   * Picks `option` in the newest choice input: a checkbox or radio button, or (six options or more) an
   * entry of the dropdown labelled `input`.
   */
  async picks(option: string, input = 'Svar'): Promise<void> {
    await this.onFailure(`pick-${option}`, async () => {
      const box = this.page.getByRole('checkbox', { name: option, exact: true });
      if ((await box.count()) > 0) return box.last().check();
      const radio = this.page.getByRole('radio', { name: option, exact: true });
      if ((await radio.count()) > 0) return radio.last().check();
      // The renderer labels its boxes apart from the inputs: click the text in the newest card with boxes.
      const withBoxes = this.page
        .locator('.ac-adaptiveCard')
        .filter({ has: this.page.locator('input[type=checkbox], input[type=radio]') })
        .filter({ hasText: option });
      if ((await withBoxes.count()) > 0)
        return withBoxes.last().getByText(option, { exact: true }).last().click();
      await this.page.getByLabel(input).last().click();
      await this.page.getByText(option, { exact: true }).last().click({ timeout: 15_000 });
      await this.page.keyboard.press('Escape');
    });
  }

  /** Waits until a message of the bot's shows every one of `texts`; returns that message's text. */
  async sees(...texts: string[]): Promise<string> {
    let messages = this.page.locator(MESSAGES);
    for (const text of texts) messages = messages.filter({ hasText: text });
    const found = messages.last();
    await this.onFailure(`see-${texts.join('-').slice(0, 40)}`, () => found.waitFor({ timeout: 15_000 }));
    return found.innerText();
  }

  async lastText(): Promise<string> {
    const cards = this.page.locator('.fai-OutputCard');
    const n = await cards.count();
    return n === 0 ? '' : cards.nth(n - 1).innerText();
  }

  /** What the chat shows now: the number of bot messages and all their text (in the page). */
  private signature(): Promise<string> {
    return this.page.evaluate(SIGNATURE);
  }

  private async answered(before: string): Promise<void> {
    await this.page.waitForFunction(`${SIGNATURE} !== ${JSON.stringify(before)}`, undefined, {
      timeout: 15_000,
    });
    // A turn may answer with several messages; they arrive within moments of each other.
    await this.page.waitForTimeout(400);
  }
}

/**
 * What the bot says: messages in a chat (output cards), and in a channel's threads its cards and
 * text paragraphs (a channel shows replies without the chat's output cards).
 */
const MESSAGES = '.fai-OutputCard, .ac-adaptiveCard, p';

/**
 * Evaluated in the page (a string: the project compiles without DOM types). The playground's notice
 * under a pressed card is left out: it appears before the bot has answered.
 */
const SIGNATURE = `(() => {
  const all = [...document.querySelectorAll(${JSON.stringify(MESSAGES)})];
  return all.length + '|' + all.map((e) => e.innerText.replace(/Your response was sent to the app/g, '')).join('\\u0000');
})()`;
