// Types for page-cache-handler.mjs (plain JavaScript, loaded by Next.js without compiling).
declare const PageCacheHandler: new (...args: never[]) => object
export default PageCacheHandler
