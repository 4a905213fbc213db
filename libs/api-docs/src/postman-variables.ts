import { CampaignOperation, OperationKind } from './operations';

export interface PostmanVariable {
  key: string;
  value: string;
  type: 'string';
  description: string;
}

/** The file "Upload a file" sends unless `filePath` is set otherwise: newman reads it from its `--working-dir`. */
export const DEFAULT_UPLOAD_FILE = 'lead-attachment.txt';

/** The variables a run fills in, and the requests that set and use them. */
const CAPTURED: Record<string, { uses: OperationKind[]; description: string }> = {
  leadId: {
    uses: ['get', 'update', 'uploadFile', 'listFiles', 'downloadFile'],
    description:
      'Set by "Create a lead" (or, without it, the first lead of "List leads"); used by every request on one lead.',
  },
  leadEtag: {
    uses: ['update'],
    description: 'The ETag "Get a lead" read; "Update a lead" sends it as `If-Match` once you enable that header.',
  },
  fileId: {
    uses: ['downloadFile'],
    description:
      'Set by "Upload a file to a lead" (or the first file of "List the files of a lead"); used by "Download a file".',
  },
};

const FILE_PATH_NOTE =
  `The file "Upload a file to a lead" sends. newman reads it relative to its \`--working-dir\` ` +
  `(the current directory by default), so put a file named \`${DEFAULT_UPLOAD_FILE}\` there or set \`filePath\` ` +
  "(`--env-var filePath=report.pdf`). In the Postman app, choose the file in the request's Body tab instead.";

export function collectionVariables(baseUrl: string, ops: CampaignOperation[]): PostmanVariable[] {
  const kinds = new Set(ops.map((op) => op.kind));
  const variable = (key: string, value: string, description: string): PostmanVariable => ({
    key,
    value,
    type: 'string',
    description,
  });
  return [
    variable('baseUrl', baseUrl, "Where the API is. An environment's `baseUrl` wins over this value."),
    variable('token', '', 'Your API token (shown once when it was made). Best kept in an environment, as `token`.'),
    ...Object.entries(CAPTURED)
      .filter(([, { uses }]) => uses.some((kind) => kinds.has(kind)))
      .map(([key, { description }]) => variable(key, '', description)),
    ...(kinds.has('uploadFile') ? [variable('filePath', DEFAULT_UPLOAD_FILE, FILE_PATH_NOTE)] : []),
  ];
}

export function collectionDescription(title: string, ops: CampaignOperation[]): string {
  const upload = ops.some((op) => op.kind === 'uploadFile');
  return [
    `The requests the token "${title}" may make, in an order that runs top to bottom.`,
    '',
    '**Set up:** an environment with `token` (your API token, shown once when it was made) and, for ' +
      "another server than the one below, `baseUrl`. Environment values win over the collection's.",
    '',
    '**Tests:** every request checks its status and that the answer has the documented shape. The ' +
      'requests fill in the ids they pass on (`leadId`, `fileId`: a created one, else the first one listed) ' +
      'as they go; a request whose id is still empty is skipped. Leave these ids out of your environment: ' +
      'a value there would win over the one the run captures.',
    ...(upload ? ['', `**Files:** ${FILE_PATH_NOTE}`] : []),
    '',
    '**Run it with newman:**',
    '',
    `    newman run postman.json --env-var token=YOUR_TOKEN${upload ? ' --working-dir DIR_WITH_THE_FILE' : ''}`,
    '',
    upload
      ? 'Every run creates leads (the create and the batch example) and uploads a file.'
      : 'The run only reads: it needs a lead in reach of the token to check the requests on one lead.',
  ].join('\n');
}
