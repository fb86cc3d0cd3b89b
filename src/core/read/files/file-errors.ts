/** A file that cannot be read, in words a seller can act on; the message names the file. */
export class FileReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileReadError';
  }
}
