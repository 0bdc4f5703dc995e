/**
 * Where study data lives in localStorage. Its own module so the progress loader
 * (progress-loader.ts, on every page) can check for saved data without loading the store.
 */
export const STORAGE_KEY = 'netflix-loop-guide:study';
