/**
 * What every message the bot posts to Slack says besides its content: no `@here` word is ever
 * turned into a ping, and sources don't unfurl into large previews.
 */
export const SEND_OPTIONS = { link_names: false, unfurl_links: false, unfurl_media: false } as const;
