/** A pattern of LIKE that matches text holding `needle`: its own %, _ and backslash are escaped with a backslash. */
export function likePattern(needle: string): string {
  return `%${needle.replace(/[\\%_]/g, (sign) => `\\${sign}`)}%`;
}
