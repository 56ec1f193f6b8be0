/**
 * The two typefaces, through next/font so they are preloaded and the fallback font is sized to
 * match them: with the fonts' own CSS (font-display: swap, no adjusted fallback) the page reflowed
 * when Inter arrived, a layout shift of 0.34 on a bank question on phones (Lighthouse, issue 13).
 * Latin subset of the variable fonts shipped by @fontsource-variable (SIL Open Font License).
 */
import localFont from "next/font/local";

export const sans = localFont({
  src: "../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2",
  weight: "100 900",
  style: "normal",
  display: "swap",
  variable: "--font-inter",
  adjustFontFallback: "Arial",
});

export const mono = localFont({
  src: "../node_modules/@fontsource-variable/jetbrains-mono/files/jetbrains-mono-latin-wght-normal.woff2",
  weight: "100 800",
  style: "normal",
  display: "swap",
  variable: "--font-jetbrains-mono",
  adjustFontFallback: false,
  // Code shows only inside answers and the bank's pages, never above the fold on first paint.
  preload: false,
});
