// ES2024's well-formed string methods, which Node 20 has (V8 11.x) but the ES2023 lib does not declare.
interface String {
  /** True when the string holds no lone UTF-16 surrogate. */
  isWellFormed(): boolean;
  /** The string with each lone UTF-16 surrogate replaced by U+FFFD. */
  toWellFormed(): string;
}
