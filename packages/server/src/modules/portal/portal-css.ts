import { createHash } from 'node:crypto';

// The portal's only stylesheet, kept small and served by the portal itself (CSP 'self'). Colours are
// chosen for ≥ 4.5:1 contrast (text #1a1a1a and links #0a4a8f on white, white on #0b3a66); focus is a
// thick outline that never relies on colour alone; the layout is one column down to 320 px.
export const PORTAL_CSS = `*,*::before,*::after{box-sizing:border-box}
html{font-size:112.5%;-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"PingFang SC","Microsoft YaHei","Noto Sans CJK SC",sans-serif;font-size:1rem;line-height:1.7;color:#1a1a1a;background:#fff}
.wrap{max-width:60rem;margin:0 auto;padding:0 1rem}
a{color:#0a4a8f;text-decoration:underline;text-underline-offset:.15em}
a:hover{color:#062f5c;text-decoration-thickness:.15em}
:focus-visible{outline:3px solid #1a1a1a;outline-offset:3px;box-shadow:0 0 0 6px #ffd84d}
.skip-link{position:absolute;left:.5rem;top:-10rem;z-index:10;padding:.5rem 1rem;background:#fff;color:#0a4a8f;font-weight:700;border:3px solid #1a1a1a}
.skip-link:focus{top:.5rem}
.site-header{background:#0b3a66;color:#fff;padding:.75rem 0}
.site-header .wrap{display:flex;flex-wrap:wrap;gap:.5rem 2rem;align-items:center;justify-content:space-between}
.site-header a{color:#fff}
.site-header :focus-visible{outline-color:#fff;box-shadow:0 0 0 6px #1a1a1a}
.site-name{margin:0;font-size:1.25rem;font-weight:700}
.site-header ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:1rem}
.site-header [aria-current="page"]{font-weight:700;text-decoration-thickness:.2em}
main{padding:1.5rem 0 2.5rem}
main:focus{outline:none}
h1{font-size:1.75rem;line-height:1.35;margin:0 0 1rem}
h2{font-size:1.3rem;line-height:1.4;margin:2rem 0 .75rem}
.lead{font-size:1.05rem;max-width:40em}
.services{list-style:none;margin:1.5rem 0 0;padding:0}
.services>li{border:2px solid #6b6b6b;border-radius:.5rem;padding:1rem;margin:0 0 1rem}
.services h2{margin:0 0 .5rem;font-size:1.2rem}
.services p{margin:.25rem 0}
.label{font-weight:700}
.facts{margin:0}
.facts dt{font-weight:700;margin-top:1rem}
.facts dd{margin:.25rem 0 0}
ol,ul{padding-left:1.5rem}
li{margin:.25rem 0}
.back{margin-top:2rem}
.site-footer{border-top:2px solid #6b6b6b;padding:1.25rem 0;font-size:.95rem;color:#333}
.site-footer p{margin:.25rem 0}
@media (min-width:40rem){.facts{display:grid;grid-template-columns:9em 1fr;gap:.75rem 1.5rem}.facts dt,.facts dd{margin:0}}
@media (forced-colors:active){:focus-visible{outline:3px solid CanvasText}}
`;

/** Changes with the stylesheet, so the page can link it as cacheable for a long time. */
export const PORTAL_CSS_VERSION = createHash('sha256').update(PORTAL_CSS).digest('hex').slice(0, 12);
