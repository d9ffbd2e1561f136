import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))

describe('generated API types', () => {
  it('match src/api/openapi.json (run `npm run gen:api` after the schema changes)', () => {
    const run = () =>
      execFileSync(
        process.execPath,
        [
          'node_modules/openapi-typescript/bin/cli.js',
          'src/api/openapi.json',
          '-o',
          'src/api/schema.d.ts',
          '--default-non-nullable',
          'false',
          '--check',
        ],
        { cwd: root, stdio: 'pipe' },
      )
    expect(run).not.toThrow()
  }, 30_000)
})
