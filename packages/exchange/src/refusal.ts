/** A whole message refused before any line was judged: answered with its return code, nothing booked. */
export class MessageRefusal extends Error {
  constructor(
    /** WJ001 code (0001 technical, 9056, 8848, S300, 9333) */
    readonly code: string,
    /** The technical rule, or "XSD" / "XML" for schema and well-formedness findings. */
    readonly rule: string,
    message: string,
  ) {
    super(message);
    this.name = 'MessageRefusal';
  }
}
