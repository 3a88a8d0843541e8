// Stylesheets are imported for their side effect: webpack's asset rule emits them next to
// main.js, and the extension links them from the panel's HTML.
declare module '*.css';
