/**
 * The one base class of the bot's own errors: each carries a stable code, and its message is
 * written for the person who has to fix it (main and the command-line tools print just the
 * message for these, and the whole error with its stack for anything else). Recognise them with
 * `instanceof CodedError`, or a subclass.
 */
export class CodedError<Code extends string = string> extends Error {
  readonly code: Code;

  constructor(code: Code, message: string, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
  }
}
