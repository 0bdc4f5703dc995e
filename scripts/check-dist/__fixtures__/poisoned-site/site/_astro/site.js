// The site's own bundle (a stand-in).
export {};
