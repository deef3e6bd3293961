import type { ServerAnswer } from '~~/server/site/server-answer';

/**
 * The `$fetch` for a useFetch of the site's own API: on the server, the questions
 * server/site/server-answer.ts answers in-process go there (no JSON written and parsed back);
 * everything else goes where useFetch would send it.
 */
export function useOwnApiFetch(): typeof $fetch {
  if (!import.meta.server) return $fetch;
  const requestFetch = useRequestFetch() as typeof $fetch;
  const answer: ServerAnswer | undefined = useRequestEvent()?.context.serverAnswer;
  if (!answer) return requestFetch;
  const ownApiFetch = (request: Parameters<typeof $fetch>[0], options?: Parameters<typeof $fetch>[1]) => {
    const pending = typeof request === 'string' ? answer(request, (options?.query ?? {}) as Record<string, unknown>) : undefined;
    if (!pending) return requestFetch(request, options);
    return pending.then(({ status, body }) => {
      // As useFetch reports an API's refusal: its status, and its answer as the error's data.
      if (status !== 200) throw createError({ statusCode: status, data: body });
      return body;
    });
  };
  return ownApiFetch as typeof $fetch;
}
