/** Finding the links in a Discord message that are worth summarizing. */

/** Discord's own idea of where a bare link ends: no trailing punctuation, no "<". */
const URL_PATTERN = /https?:\/\/[^\s<>|]*[^\s<>|.,:;"'!?)\]]/giu;

const FILE_EXTENSIONS = new Set(
  [
    // images
    'png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'svg', 'bmp', 'ico', 'tif', 'tiff', 'heic', 'heif',
    // audio and video
    'mp3', 'wav', 'ogg', 'oga', 'flac', 'm4a', 'aac', 'opus', 'mp4', 'm4v', 'webm', 'mov', 'mkv', 'avi', 'wmv', 'm3u8',
    // documents, archives and programs (PDFs are read: not listed)
    'zip', 'gz', 'tgz', 'bz2', 'xz', '7z', 'rar', 'tar', 'exe', 'msi', 'dmg', 'pkg', 'apk', 'deb', 'rpm', 'iso',
    'bin', 'jar', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'odt', 'csv', 'json', 'xml', 'torrent',
  ],
);

/** Hosts that serve media, files or Discord itself, never an article. A host matches its subdomains too. */
const MEDIA_HOSTS = [
  'cdn.discordapp.com', 'media.discordapp.net', 'discord.com', 'discordapp.com', 'discord.gg',
  'tenor.com', 'giphy.com', 'gfycat.com', 'imgur.com', 'gyazo.com', 'prnt.sc',
  'youtube.com', 'youtu.be', 'twitch.tv', 'vimeo.com', 'tiktok.com', 'streamable.com', 'kick.com',
  'open.spotify.com', 'music.apple.com', 'soundcloud.com', 'bandcamp.com',
];

/**
 * The links of a message that Skim would summarize, in order, each once, at most `max`: skipping links in
 * code blocks and inline code, inside spoilers, suppressed ones (`<https://...>`), and links to media,
 * files or Discord. Masked links (`[label](https://...)`) count by their target.
 */
export function extractLinks(content: string, max = Number.POSITIVE_INFINITY): string[] {
  const visible = content
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/`[^`\n]*`/g, ' ')
    .replace(/\|\|[\s\S]*?\|\|/g, ' ');
  const links: string[] = [];
  const seen = new Set<string>();
  for (const match of visible.matchAll(URL_PATTERN)) {
    if (links.length >= max) break;
    const start = match.index;
    const raw = balanceParentheses(match[0], visible.slice(start + match[0].length));
    if (visible[start - 1] === '<' && visible[start + raw.length] === '>') continue;
    const url = articleUrl(raw);
    if (!url || seen.has(url)) continue;
    seen.add(url);
    links.push(url);
  }
  return links;
}

/** The normalised URL when it may point to an article; undefined for media, files, Discord and garbage. */
export function articleUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const host = url.hostname.toLowerCase();
  if (MEDIA_HOSTS.some((h) => host === h || host.endsWith(`.${h}`))) return undefined;
  const extension = /\.([a-z0-9]{1,8})$/i.exec(url.pathname)?.[1]?.toLowerCase();
  if (extension && FILE_EXTENSIONS.has(extension)) return undefined;
  return url.href;
}

/** Keeps a closing parenthesis that belongs to the link, as in https://en.wikipedia.org/wiki/Mercury_(planet). */
function balanceParentheses(link: string, rest: string): string {
  const open = link.split('(').length - 1;
  const close = link.split(')').length - 1;
  return open > close && rest.startsWith(')') ? `${link})` : link;
}
