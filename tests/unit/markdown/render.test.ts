// renderMarkdown: GFM + Shiki (dual themes), raw HTML dropped, unknown languages as plain text.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadBanks } from "@/lib/bank/load.ts";
import { clearMarkdownCache, renderMarkdown } from "@/lib/markdown/render.ts";

describe("renderMarkdown", () => {
  it("highlights code with both GitHub themes (dark as CSS variables)", async () => {
    const html = await renderMarkdown("```python\nimport sys\nx = sys.getrefcount([])\n```");
    expect(html).toContain('<pre class="shiki shiki-themes github-light github-dark"');
    expect(html).toContain('class="language-python"');
    expect(html).toMatch(/<span style="color:#D73A49;--shiki-dark:#F97583">import<\/span>/);
    expect(html).toContain("--shiki-dark-bg:");
  });

  it("highlights the bank's languages and their aliases", async () => {
    for (const lang of ["py", "bash", "sh", "shell", "toml", "json", "yaml", "sql", "javascript", "js", "typescript", "ts", "ini"]) {
      const html = await renderMarkdown(`\`\`\`${lang}\nkey = "value"\n\`\`\``);
      expect(html, lang).toContain("--shiki-dark:");
      expect(html, lang).toContain("shiki");
    }
  });

  it("renders unknown or missing languages as plain text, never throws", async () => {
    for (const md of ["```brainfuck\n+++>.\n```", "```\nplain\n```", "```PYTHON\nx = 1\n```", "    indented code"]) {
      const html = await renderMarkdown(md);
      expect(html).toContain('<pre class="shiki');
    }
    expect(await renderMarkdown("```nope\n<b>x</b>\n```")).toContain("&#x3C;b>x&#x3C;/b>");
  });

  it("renders GFM tables, strikethrough, autolinks and inline code", async () => {
    const html = await renderMarkdown("| Immutable | Mutable |\n| --- | --- |\n| `int` | `list` |\n\n~~old~~ https://example.com");
    expect(html).toContain("<table>");
    expect(html).toContain("<th>Immutable</th>");
    expect(html).toContain("<td><code>int</code></td>");
    expect(html).toContain("<del>old</del>");
    expect(html).toContain('<a href="https://example.com" rel="noopener noreferrer">https://example.com</a>');
  });

  it("does not pass raw HTML through", async () => {
    const html = await renderMarkdown(
      'Hi <b onclick="x()">bold</b> <img src=x onerror=alert(1)>\n\n<script>alert(1)</script>\n\n<iframe src="https://evil.example"></iframe>\n\nend',
    );
    expect(html).not.toMatch(/<(b|img|script|iframe)\b/);
    expect(html).not.toContain("onerror");
    expect(html).not.toContain("alert(1)</script>");
    expect(html).toContain("bold");
    expect(html).toContain("<p>end</p>");
  });

  it("drops script-capable link URLs", async () => {
    const html = await renderMarkdown("[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) ![c](data:text/html,x) [d](/ok) [e](#frag)");
    expect(html).not.toMatch(/javascript:|data:text/i);
    expect(html).toContain('<a href="/ok">d</a>');
    expect(html).toContain('<a href="#frag">e</a>');
  });

  // Speed is measured by the benchmarks; this checks that every reference renders, the same twice.
  it("renders every shipped reference answer, the same from the cache", { timeout: 60_000 }, async () => {
    const root = path.resolve(import.meta.dirname, "../../..");
    const questions = loadBanks([path.join(root, "content")], { cwd: root }).banks.flatMap((b) => b.questions);
    await renderMarkdown("warm-up ```py\n1\n```");
    clearMarkdownCache();
    const first = await Promise.all(questions.map((q) => renderMarkdown(q.reference)));
    const second = await Promise.all(questions.map((q) => renderMarkdown(q.reference)));
    expect(second).toEqual(first);
    expect(first.every((html) => html.length > 0)).toBe(true);
  });
});
