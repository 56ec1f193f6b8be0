import { describe, expect, it } from "vitest";
import { buildKit } from "../../../lib/kits/builder.ts";
import {
  averageRating,
  ratingSummary,
  scorecardsToCsv,
  scorecardsToJson,
  scorecardsToMarkdown,
  kitToJson,
  kitToMarkdown,
  type ScorecardRecord,
} from "../../../lib/kits/export.ts";
import { kitDocumentSchema } from "../../../lib/kits/schemas.ts";
import { fixtureBank } from "./fixtures.ts";

const doc = buildKit({ level: "senior", minutes: 45, seed: "md", jobDescription: "asyncio and pytest" }, fixtureBank());

describe("kit exports", () => {
  it("JSON is the document itself, with totalMinutes and the questions' id, title, minutes, key points, follow-ups, red flags and rubric", () => {
    const parsed = JSON.parse(kitToJson(doc));
    expect(kitDocumentSchema.parse(parsed)).toEqual(doc);
    expect(parsed.totalMinutes).toBe(45);
    for (const q of parsed.questions)
      expect(Object.keys(q)).toEqual(expect.arrayContaining(["id", "title", "minutes", "keyPoints", "followUps", "redFlags", "rubric"]));
  });

  it("Markdown has the plan, every question with its sections, the wrap-up and a scorecard", () => {
    const md = kitToMarkdown(doc);
    expect(md.startsWith(`# ${doc.title}\n`)).toBe(true);
    expect(md).toContain("## Plan");
    expect(md).toContain("| 0:00–0:05 | Introduction | 5 |");
    expect(md).toMatch(/\| 0:40–0:45 \| Wrap-up and candidate's questions \| 5 \|/);
    doc.questions.forEach((q, i) => expect(md).toContain(`## ${i + 1}. ${q.title} (${q.minutes} min)`));
    for (const h of ["### What a good answer covers", "### Follow-up probes", "### Red flags", "### Rating", "## Wrap-up (5 min)", "## Scorecard"])
      expect(md).toContain(h);
    expect(md).toContain("| 4 · Excellent |");
    expect(md).toContain("Steered by the job description: ");
    expect(md).not.toMatch(/\n{3,}/);
  });

  it("escapes pipes in table cells and includes notes", () => {
    const withPipes = { ...doc, notes: "Panel: Ann | Bob", questions: doc.questions.map((q, i) => (i === 0 ? { ...q, title: "a | b", notes: "check x" } : q)) };
    const md = kitToMarkdown(withPipes);
    expect(md).toContain("| 1 | a \\| b |");
    expect(md).toContain("## Notes\n\nPanel: Ann | Bob");
    expect(md).toContain("### Notes\n\ncheck x");
  });
});

describe("scorecard exports", () => {
  const card: ScorecardRecord = {
    id: "sc1",
    candidateName: 'Ada "The Countess", Lovelace',
    recommendation: "hire",
    notes: "=HYPERLINK(evil)\nsecond line",
    scriptVersion: 2,
    createdAt: new Date("2026-05-01T10:00:00Z"),
    entries: [
      {
        questionId: "q1",
        title: "Q one",
        topic: "T",
        difficulty: "easy",
        minutes: 6,
        keyPoints: [
          { id: "a", text: "A", ticked: true },
          { id: "b", text: "B", ticked: false },
        ],
        redFlags: [{ id: "r1", text: "Thinks threads run Python in parallel", heard: true }],
        rating: 3,
        notes: "good",
        seconds: 330,
      },
      {
        questionId: "q2",
        title: "Q two",
        topic: "T",
        difficulty: "hard",
        minutes: 8,
        keyPoints: [{ id: "c", text: "C", ticked: true }],
        redFlags: [],
        rating: 4,
        notes: "",
        seconds: 0,
      },
    ],
  };

  it("averages the ratings given", () => {
    expect(averageRating(card.entries)).toBe(3.5);
    expect(averageRating([{ rating: null }])).toBeNull();
  });

  it("says when the average leaves an unrated question out", () => {
    expect(ratingSummary(card.entries).text).toBe("3.5 / 4");
    const partly = ratingSummary([{ rating: 3 }, { rating: null }, { rating: 2 }]);
    expect(partly).toMatchObject({ average: 2.5, rated: 2, unrated: 1 });
    expect(partly.text).toBe("2.5 / 4 over 2 of 3 questions (1 not rated, left out)");
    expect(ratingSummary([{ rating: null }, { rating: null }]).text).toBe("not rated (none of the 2 questions were rated)");
    const md = scorecardsToMarkdown("Kit", [{ ...card, entries: [card.entries[0]!, { ...card.entries[1]!, rating: null }] }]);
    expect(md).toContain("average rating 3 / 4 over 1 of 2 questions (1 not rated, left out)");
    expect(md).toContain("Red flags heard:\n\n- Thinks threads run Python in parallel");
  });

  it("CSV: one row per candidate and question, quoted, formulas defused", () => {
    const csv = scorecardsToCsv([card]);
    const lines = csv.trimEnd().split("\r\n");
    expect(lines[0]).toBe(
      "scorecard_id,candidate,date,recommendation,average_rating,question_no,question_id,question,rating,key_points_heard,key_points_total,minutes_spent,question_notes,overall_notes",
    );
    expect(lines).toHaveLength(3); // header and 2 rows (a quoted note keeps its bare \n inside the cell)
    expect(csv).toContain('"Ada ""The Countess"", Lovelace"');
    expect(csv).toContain('"\'=HYPERLINK(evil)\nsecond line"');
    expect(lines[1]).toContain(",Hire,3.5,1,q1,Q one,3,1,2,6,good,");
  });

  it("JSON and Markdown", () => {
    const json = JSON.parse(scorecardsToJson({ id: "s", title: "Kit" }, [card]));
    expect(json.scorecards[0]).toMatchObject({
      candidateName: card.candidateName,
      averageRating: 3.5,
      recommendation: "hire",
      createdAt: "2026-05-01T10:00:00.000Z",
    });
    const md = scorecardsToMarkdown("Kit", [card]);
    expect(md).toContain("# Scorecards: Kit");
    expect(md).toContain("- [x] A");
    expect(md).toContain("- [ ] B");
    expect(md).toContain("Rating: 3/4 · key points heard: 1/2 · time: 6 min");
    expect(scorecardsToMarkdown("Kit", [])).toContain("No scorecards yet.");
  });
});
