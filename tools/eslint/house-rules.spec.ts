// The house rules on their own. Which files each one covers is eslint.config.mjs's part: check it
// by putting a violation in a file and running `npx eslint <file>`.
import * as tsParser from '@typescript-eslint/parser';
import { RuleTester } from 'eslint';
import path from 'node:path';
import { houseRules, IO_MODULES, isForbiddenSource } from './house-rules.cjs';

const tester = new RuleTester({ languageOptions: { parser: tsParser, sourceType: 'module' } });
const rule = (name: keyof typeof houseRules.rules) => houseRules.rules[name];
const forbidden = [{ messageId: 'forbidden' }];

describe('house rules', () => {
  it('matches a module, its subpaths and its node: name, and a scope given as /*', () => {
    expect(isForbiddenSource('node:fs', IO_MODULES)).toBe(true);
    expect(isForbiddenSource('fs/promises', IO_MODULES)).toBe(true);
    expect(isForbiddenSource('@nestjs/common', IO_MODULES)).toBe(true);
    expect(isForbiddenSource('node:crypto', IO_MODULES)).toBe(false);
    expect(isForbiddenSource('fsx', IO_MODULES)).toBe(false);
    expect(isForbiddenSource('zod', IO_MODULES)).toBe(false);
  });

  tester.run('mongoose-only-in-store', rule('mongoose-only-in-store'), {
    valid: [
      "import { HttpStatus } from '@nestjs/common';",
      "import { mongooseLike } from './mongoose';",
      {
        code: "import { MongooseModule } from '@nestjs/mongoose';",
        options: [{ allowNames: { '@nestjs/mongoose': ['MongooseModule'] } }],
      },
    ],
    invalid: [
      { code: "import { Model } from 'mongoose';", errors: forbidden },
      { code: "import type { Model } from 'mongoose';", errors: forbidden },
      { code: "import { GridFSBucket } from 'mongodb';", errors: forbidden },
      { code: "export { ObjectId } from 'mongodb';", errors: forbidden },
      { code: "const m = require('mongoose');", errors: forbidden },
      { code: "void import('mongoose');", errors: forbidden },
      { code: "import m = require('mongoose');", errors: forbidden },
      { code: "let model: import('mongoose').Model<unknown>;", errors: forbidden },
      {
        code: "import { InjectModel, MongooseModule } from '@nestjs/mongoose';",
        options: [{ allowNames: { '@nestjs/mongoose': ['MongooseModule'] } }],
        errors: forbidden,
      },
    ],
  });

  tester.run('kafkajs-only-in-kafka-lib', rule('kafkajs-only-in-kafka-lib'), {
    valid: ["import { KafkaClient } from '@leadgate/kafka';"],
    invalid: [{ code: "import { Kafka } from 'kafkajs';", errors: forbidden }],
  });

  tester.run('no-io-in-pure-libs', rule('no-io-in-pure-libs'), {
    valid: ["import { z } from 'zod';", "import { createHash } from 'node:crypto';"],
    invalid: ['node:fs', 'fs', 'node:net', 'http', 'node:https', 'node:child_process', 'kafkajs', '@nestjs/common'].map(
      (source) => ({ code: `import * as m from '${source}';`, errors: forbidden }),
    ),
  });

  tester.run('no-openapi-in-kafka-lib', rule('no-openapi-in-kafka-lib'), {
    valid: ["import { Injectable } from '@nestjs/common';"],
    invalid: [{ code: "import { SwaggerModule } from '@nestjs/swagger';", errors: forbidden }],
  });

  tester.run('ts-check-first', rule('ts-check-first'), {
    valid: ['// @ts-check\nexport const a = 1;', '#!/usr/bin/env node\n// @ts-check\nexport const a = 1;'],
    invalid: [
      { code: 'export const a = 1;', errors: [{ messageId: 'missing' }] },
      { code: '// a tool\n// @ts-check\nexport const a = 1;', errors: [{ messageId: 'missing' }] },
    ],
  });

  describe('aliases-stay-home', () => {
    const homes = { '@leads/': 'apps/leads/', '@leadgate/kafka/': 'libs/kafka/' };
    const options = [{ homes, publicEntries: ['@leadgate/kafka/testing'] }];
    const at = (file: string, code: string) => ({ code, options, filename: path.join(process.cwd(), file) });
    tester.run('aliases-stay-home', rule('aliases-stay-home'), {
      valid: [
        at('apps/leads/src/leads/a.ts', "import { LeadsRepository } from '@leads/store/leads.repository';"),
        at('apps/leads/test/a.ts', "import { LeadsRepository } from '@leads/store/leads.repository';"),
        at('libs/kafka/src/a/b.ts', "import { TOPICS } from '@leadgate/kafka/topics';"),
        at('apps/leads/src/a.ts', "import { KafkaClient } from '@leadgate/kafka';"),
        at('apps/leads/src/a.ts', "import { fake } from '@leadgate/kafka/testing';"),
        at('apps/leadsx/src/a.ts', "import { x } from '@leadsx/a';"),
      ],
      invalid: [
        {
          ...at('apps/campaigns/src/a.ts', "import { LeadsRepository } from '@leads/store/leads.repository';"),
          errors: [{ messageId: 'appInternals' }],
        },
        {
          ...at('apps/leads/src/a.ts', "export { TOPICS } from '@leadgate/kafka/topics';"),
          errors: [{ messageId: 'libInternals' }],
        },
        { ...at('libs/mongo/src/a.ts', "void import('@leadgate/kafka/x');"), errors: [{ messageId: 'libInternals' }] },
        {
          ...at('libs/kafka/src/a/b.ts', "import { TOPICS } from '@leadgate/kafka';"),
          errors: [{ messageId: 'ownEntry' }],
        },
      ],
    });
  });
});
