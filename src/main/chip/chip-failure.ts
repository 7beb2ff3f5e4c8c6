/** An expected failure while talking to a card, carrying the problem to show. */
import type { MessageKey, MessageParams } from '../../shared/i18n';
import type { Problem } from '../../shared/result';

export class ChipFailure extends Error {
  readonly problem: Problem;
  constructor(key: MessageKey, params?: MessageParams) {
    super(key);
    this.name = 'ChipFailure';
    this.problem = params === undefined ? { key } : { key, params };
  }
}
