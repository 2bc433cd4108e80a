/** Stylesheets are imported for their effect: Vite bundles them into a CSS file (allowed by style-src 'self'). */
declare module '*.css';
