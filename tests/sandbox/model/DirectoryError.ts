/** A directory operation refused for a reason the caller caused (conflict, unknown object, bad input). */
export class DirectoryError extends Error {
  override name = 'DirectoryError';
}
