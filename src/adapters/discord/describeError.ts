/** Errors from discord.js as log fields, without the interaction and webhook tokens in their URLs. */
import { DiscordAPIError, HTTPError } from 'discord.js';

export interface ErrorFields {
  name: string;
  message: string;
  status?: number;
  code?: number | string;
  method?: string;
  path?: string;
  stack?: string;
}

/** Interaction and webhook tokens sit in the route; they are credentials for 15 minutes. */
export function redactRoute(url: string): string {
  return url
    .replace(/(\/interactions\/\d+\/)[^/?]+/g, '$1:token')
    .replace(/(\/webhooks\/\d+\/)[^/?]+/g, '$1:token');
}

/** True for a failure Discord reported (4xx/5xx), as opposed to a bug on our side. */
export function isDiscordFailure(error: unknown): boolean {
  return error instanceof DiscordAPIError || error instanceof HTTPError;
}

export function describeError(error: unknown): ErrorFields {
  if (error instanceof DiscordAPIError) {
    return {
      name: error.name,
      message: error.message,
      status: error.status,
      code: error.code,
      method: error.method,
      path: redactRoute(error.url),
    };
  }
  if (error instanceof HTTPError) {
    return {
      name: error.name,
      message: error.message,
      status: error.status,
      method: error.method,
      path: redactRoute(error.url),
    };
  }
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return {
      name: error.name,
      message: redactRoute(error.message),
      ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
      ...(error.stack ? { stack: redactRoute(error.stack) } : {}),
    };
  }
  return { name: 'Error', message: String(error) };
}
