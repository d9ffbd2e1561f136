import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const MAIL_DIR = join(import.meta.dirname, '..', '..', 'var', 'e2e', 'mail');

function decode(raw: string): string {
  // Undo quoted-printable soft line breaks and escapes, should the mailer have used them.
  return raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Wait for the newest development e-mail to `to` whose body contains `marker`, and return the link in it. */
export async function linkFromMail(to: string, marker: string, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(MAIL_DIR)) {
      const files = readdirSync(MAIL_DIR).filter((name) => name.endsWith('.eml')).sort().reverse();
      for (const name of files) {
        const text = decode(readFileSync(join(MAIL_DIR, name), 'utf8'));
        if (!text.includes(`To: ${to}`)) continue;
        const match = text.match(new RegExp(`https?://\\S+${marker}\\S+`));
        if (match) return match[0];
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`no e-mail to ${to} containing ${marker}`);
}
