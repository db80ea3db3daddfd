/**
 * The limits Discord enforces on what a bot sends, answered the way Discord answers them: 400 with
 * `{ code: 50035, message: 'Invalid Form Body', errors }` (errors nested by field path) or 50006 for an
 * empty message. A bot that passes here will not be refused by Discord for size or shape.
 */
type Json = Record<string, unknown>;

/** A refusal: the HTTP status and Discord's JSON error. */
export interface ApiError {
  status: number;
  body: Json;
}

interface FieldError {
  path: (string | number)[];
  code: string;
  message: string;
}

/** Nests field errors the way Discord does: `{ embeds: { 0: { title: { _errors: [...] } } } }`. */
export function formBodyError(errors: FieldError[]): ApiError {
  const tree: Json = {};
  for (const error of errors) {
    let node = tree;
    for (const key of error.path) {
      node[key] ??= {};
      node = node[key] as Json;
    }
    const list = (node._errors ??= []) as unknown[];
    list.push({ code: error.code, message: error.message });
  }
  return { status: 400, body: { code: 50035, message: 'Invalid Form Body', errors: tree } };
}

/** Discord's JSON error for codes without field detail. */
export function apiError(status: number, code: number, message: string): ApiError {
  return { status, body: { message, code } };
}

function maxLength(errors: FieldError[], path: (string | number)[], value: unknown, max: number): void {
  if (typeof value === 'string' && value.length > max) {
    errors.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
  }
}

function maxItems(errors: FieldError[], path: (string | number)[], items: unknown[], max: number): void {
  if (items.length > max) errors.push({ path, code: 'BASE_TYPE_MAX_LENGTH', message: `Must be ${max} or fewer in length.` });
}

function required(errors: FieldError[], path: (string | number)[], value: unknown): void {
  if (typeof value !== 'string' || value.length === 0) {
    errors.push({ path, code: 'BASE_TYPE_REQUIRED', message: 'This field is required' });
  }
}

function checkUrl(errors: FieldError[], path: (string | number)[], value: unknown, allowAttachment: boolean): void {
  if (value === undefined || value === null) return;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(String(value))?.[1]?.toLowerCase();
  const ok = scheme === 'http' || scheme === 'https' || (allowAttachment && scheme === 'attachment');
  if (!ok) {
    errors.push({
      path, code: 'URL_TYPE_INVALID_SCHEME',
      message: `Scheme "${scheme ?? ''}" is not supported. Scheme must be one of ('http', 'https').`,
    });
  }
}

/** The characters an embed counts toward the 6000 limit of a message. */
function embedSize(embed: Json): number {
  const text = (v: unknown): number => (typeof v === 'string' ? v.length : 0);
  const fields = Array.isArray(embed.fields) ? (embed.fields as Json[]) : [];
  return text(embed.title) + text(embed.description) + text((embed.footer as Json | undefined)?.text) +
    text((embed.author as Json | undefined)?.name) + fields.reduce((n, f) => n + text(f.name) + text(f.value), 0);
}

function checkEmbed(errors: FieldError[], embed: Json, at: (string | number)[]): void {
  maxLength(errors, [...at, 'title'], embed.title, 256);
  maxLength(errors, [...at, 'description'], embed.description, 4096);
  checkUrl(errors, [...at, 'url'], embed.url, false);
  if (embed.color !== undefined && embed.color !== null &&
    !(Number.isInteger(embed.color) && (embed.color as number) >= 0 && (embed.color as number) <= 0xffffff)) {
    errors.push({ path: [...at, 'color'], code: 'NUMBER_TYPE_MAX', message: 'int value should be less than or equal to 16777215.' });
  }
  const fields = Array.isArray(embed.fields) ? (embed.fields as Json[]) : [];
  maxItems(errors, [...at, 'fields'], fields, 25);
  fields.forEach((field, i) => {
    required(errors, [...at, 'fields', i, 'name'], field.name);
    required(errors, [...at, 'fields', i, 'value'], field.value);
    maxLength(errors, [...at, 'fields', i, 'name'], field.name, 256);
    maxLength(errors, [...at, 'fields', i, 'value'], field.value, 1024);
  });
  const footer = embed.footer as Json | undefined;
  if (footer) maxLength(errors, [...at, 'footer', 'text'], footer.text, 2048);
  const author = embed.author as Json | undefined;
  if (author) {
    maxLength(errors, [...at, 'author', 'name'], author.name, 256);
    checkUrl(errors, [...at, 'author', 'url'], author.url, false);
  }
  for (const key of ['image', 'thumbnail'] as const) {
    const media = embed[key] as Json | undefined;
    if (media) checkUrl(errors, [...at, key, 'url'], media.url, true);
  }
}

/** Classic action rows: at most 5 rows of at most 5 buttons; ids and labels within limits. */
function checkComponents(errors: FieldError[], components: Json[]): void {
  maxItems(errors, ['components'], components, 5);
  components.forEach((row, r) => {
    const children = Array.isArray(row.components) ? (row.components as Json[]) : [];
    maxItems(errors, ['components', r, 'components'], children, 5);
    children.forEach((child, c) => {
      const at = ['components', r, 'components', c];
      maxLength(errors, [...at, 'custom_id'], child.custom_id, 100);
      maxLength(errors, [...at, 'label'], child.label, 80);
      if (child.type === 2 && child.style === 5) checkUrl(errors, [...at, 'url'], child.url, false);
      else if (child.type === 2 && child.style !== 6) required(errors, [...at, 'custom_id'], child.custom_id);
    });
  });
}

const COMPONENTS_V2 = 1 << 15;

/**
 * Checks a message body (create or edit). `fileCount` counts uploaded files; for edits pass `partial` so
 * missing fields are not treated as an empty message (the caller checks the merged result instead).
 */
export function validateMessage(body: Json, fileCount: number, partial = false): ApiError | undefined {
  const errors: FieldError[] = [];
  maxLength(errors, ['content'], body.content, 2000);
  const embeds = Array.isArray(body.embeds) ? (body.embeds as Json[]) : [];
  maxItems(errors, ['embeds'], embeds, 10);
  embeds.forEach((embed, i) => checkEmbed(errors, embed, ['embeds', i]));
  if (embeds.reduce((n, e) => n + embedSize(e), 0) > 6000) {
    errors.push({ path: ['embeds'], code: 'MAX_EMBED_SIZE_EXCEEDED', message: 'Embed size exceeds maximum size of 6000' });
  }
  const components = Array.isArray(body.components) ? (body.components as Json[]) : [];
  if ((Number(body.flags ?? 0) & COMPONENTS_V2) === 0) checkComponents(errors, components);
  const allowed = body.allowed_mentions as Json | undefined;
  if (allowed) {
    const parse = (allowed.parse as string[] | undefined) ?? [];
    for (const kind of ['users', 'roles'] as const) {
      if (parse.includes(kind) && Array.isArray(allowed[kind]) && (allowed[kind] as unknown[]).length > 0) {
        errors.push({
          path: ['allowed_mentions'], code: 'MESSAGE_ALLOWED_MENTIONS_PARSE_EXCLUSIVE',
          message: `parse:["${kind}"] and ${kind}: [ids...] are mutually exclusive.`,
        });
      }
    }
  }
  if (errors.length) return formBodyError(errors);
  if (!partial && isEmpty(body, fileCount)) return apiError(400, 50006, 'Cannot send an empty message');
  return undefined;
}

/** True when a message would show nothing: no text, embeds, files, components, stickers or poll. */
export function isEmpty(body: Json, fileCount: number): boolean {
  const has = (v: unknown): boolean => Array.isArray(v) && v.length > 0;
  const text = typeof body.content === 'string' && body.content.trim().length > 0;
  return !text && !has(body.embeds) && !has(body.attachments) && fileCount === 0 && !has(body.components) &&
    !has(body.sticker_ids) && !body.poll;
}

const ARCHIVE_DURATIONS = [60, 1440, 4320, 10080];

/** Checks a new thread's name and auto-archive duration. */
export function validateThread(body: Json): ApiError | undefined {
  const errors: FieldError[] = [];
  const name = body.name;
  if (typeof name !== 'string' || name.length < 1 || name.length > 100) {
    errors.push({ path: ['name'], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' });
  }
  const duration = body.auto_archive_duration;
  if (duration !== undefined && duration !== null && !ARCHIVE_DURATIONS.includes(Number(duration))) {
    errors.push({
      path: ['auto_archive_duration'], code: 'BASE_TYPE_CHOICES',
      message: `Value must be one of {${ARCHIVE_DURATIONS.join(', ')}}.`,
    });
  }
  return errors.length ? formBodyError(errors) : undefined;
}

const COMMAND_NAME = /^[-_'\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;
/** Context-menu command names may have capitals and spaces. */
const MENU_NAME = /^[-_' \p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

/** Chat-input and option names are lowercase without spaces (`strict`); context-menu names are free-er. */
function checkName(errors: FieldError[], path: (string | number)[], name: unknown, strict: boolean): void {
  const pattern = strict ? COMMAND_NAME : MENU_NAME;
  if (typeof name !== 'string' || !pattern.test(name) || (strict && name !== name.toLowerCase())) {
    errors.push({ path: [...path, 'name'], code: 'APPLICATION_COMMAND_INVALID_NAME', message: 'Command name is invalid' });
  }
}

function checkDescription(errors: FieldError[], path: (string | number)[], description: unknown): void {
  if (typeof description !== 'string' || description.length < 1 || description.length > 100) {
    errors.push({ path: [...path, 'description'], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 100 in length.' });
  }
}

function checkOptions(errors: FieldError[], path: (string | number)[], options: Json[]): void {
  maxItems(errors, [...path, 'options'], options, 25);
  const names = new Set<string>();
  let optionalSeen = false;
  options.forEach((option, i) => {
    const at = [...path, 'options', i];
    checkName(errors, at, option.name, true);
    checkDescription(errors, at, option.description);
    if (names.has(String(option.name))) {
      errors.push({ path: [...at, 'name'], code: 'APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS', message: 'Option names must be unique' });
    }
    names.add(String(option.name));
    const isGroup = option.type === 1 || option.type === 2;
    if (!isGroup && option.required !== true) optionalSeen = true;
    else if (!isGroup && optionalSeen) {
      errors.push({ path: [...at, 'required'], code: 'APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID', message: 'Required options must be placed before non-required options' });
    }
    const choices = Array.isArray(option.choices) ? option.choices : [];
    maxItems(errors, [...at, 'choices'], choices, 25);
    if (Array.isArray(option.options)) checkOptions(errors, at, option.options as Json[]);
  });
}

/** Checks a list of command definitions as a bulk overwrite (PUT) does. */
export function validateCommands(commands: Json[]): ApiError | undefined {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  commands.forEach((command, i) => {
    const type = Number(command.type ?? 1);
    checkName(errors, [i], command.name, type === 1);
    if (type === 1) checkDescription(errors, [i], command.description);
    else if (command.description) {
      errors.push({ path: [i, 'description'], code: 'APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION', message: 'Context menu commands cannot have description' });
    }
    const key = `${type}:${String(command.name)}`;
    if (seen.has(key)) errors.push({ path: [i, 'name'], code: 'APPLICATION_COMMANDS_DUPLICATE_NAME', message: `Application command names must be unique` });
    seen.add(key);
    if (Array.isArray(command.options)) checkOptions(errors, [i], command.options as Json[]);
  });
  return errors.length ? formBodyError(errors) : undefined;
}

/** Checks a modal (interaction callback type 9). */
export function validateModal(data: Json): ApiError | undefined {
  const errors: FieldError[] = [];
  required(errors, ['data', 'custom_id'], data.custom_id);
  maxLength(errors, ['data', 'custom_id'], data.custom_id, 100);
  required(errors, ['data', 'title'], data.title);
  maxLength(errors, ['data', 'title'], data.title, 45);
  const components = Array.isArray(data.components) ? data.components : [];
  if (components.length < 1 || components.length > 5) {
    errors.push({ path: ['data', 'components'], code: 'BASE_TYPE_BAD_LENGTH', message: 'Must be between 1 and 5 in length.' });
  }
  return errors.length ? formBodyError(errors) : undefined;
}
