import { lazy, type ComponentType } from 'react';

/**
 * A page loaded when first opened (its own chunk): the sign-in page and the shell load with the
 * entry, each tab and account page after. `pick` takes the named export of the page's module.
 */
export function lazyPage<M>(importer: () => Promise<M>, pick: (module: M) => ComponentType): ComponentType {
  return lazy(async () => ({ default: pick(await importer()) }));
}
