import { format } from "date-fns";
import { Fragment } from "react";
import type { GroupScore, ScorePoint } from "@/lib/sessions/progress-aggregate";
import { cn } from "../ui/cn";

/*
 * The /progress charts: drawn on the server as plain SVG (server components, no client JavaScript).
 * The data is computed on the server (lib/sessions/progress-aggregate.ts); these components only draw it.
 *
 * Each chart is as wide as its card at any screen width without scaling its text: the outer <svg>
 * is width 100% with a fixed height and no viewBox, so its units are CSS pixels (12 px labels stay
 * 12 px on a phone) and horizontal positions are percentages of its width; the lines are paths in
 * a nested <svg> whose viewBox is stretched to the plot (preserveAspectRatio="none", strokes of
 * constant width). The y-axis labels sit in the wrapper's left padding, and x-axis labels that
 * would crowd a narrow chart are hidden by container queries. Colours come from CSS variables set
 * on the wrapper for light and dark mode; text is currentColor.
 *
 * ChartCard wraps each chart in role="img" with a one-sentence summary as its name, and the
 * numbers as a table; inside, each point and bar has an SVG <title> (a tooltip on hover).
 */
const vars =
  "[--chart-main:#3b55e6] [--chart-soft:#a5b6fc] [--chart-grid:#e4e4e7] [--chart-axis:#d4d4d8] [--chart-bg:#ffffff] " +
  "dark:[--chart-main:#7d92fa] dark:[--chart-soft:#4a5cb8] dark:[--chart-grid:#27272a] dark:[--chart-axis:#3f3f46] dark:[--chart-bg:#121215]";

/** Axis labels: 12 px, and at least 4.5:1 against the card in both themes. */
const axisText = "text-xs tabular-nums text-zinc-500 dark:text-zinc-400";
/** Values printed beside bars and points. */
const valueText = "text-[11px] tabular-nums text-zinc-700 dark:text-zinc-300";
/** A rim of the card's colour behind a label, so a grid line passing behind it does not cut through it. */
const halo = "stroke-(--chart-bg) stroke-[4px] [paint-order:stroke] [stroke-linejoin:round]";

const TICKS = [0, 25, 50, 75, 100];
const DAY = 86_400_000;
const HOUR = 3_600_000;

const pct = (f: number) => `${(Math.round(f * 10_000) / 100).toString()}%`;
const num = (v: number) => Math.round(v * 10) / 10;

/**
 * Container widths (px) from which an x-axis label may show, with the classes that show it there
 * (Tailwind's container-query variants; each string is written out whole so Tailwind generates it).
 * A chart narrower than the first (a phone narrower than 360 px) is assumed 280 px wide.
 */
const TIERS = [
  { width: 280, className: "" },
  { width: 384, className: "hidden @sm:inline" },
  { width: 512, className: "hidden @lg:inline" },
  { width: 672, className: "hidden @2xl:inline" },
  { width: 896, className: "hidden @4xl:inline" },
] as const;

/**
 * For each of `count` labels about `chars` characters wide, the classes that show it only where
 * there is room: every label on a wide chart, every 2nd, 4th… on a narrower one (powers of two, so
 * a label shown at one width is shown at every larger one). `inset` is the wrapper's padding.
 */
function labelVisibility(count: number, chars: number, inset: number): string[] {
  const slot = chars * 7 + 16;
  const strides = TIERS.map((t) => {
    const fit = Math.max(1, Math.floor((t.width - inset) / slot));
    let stride = 1;
    while (Math.ceil(count / stride) > fit) stride *= 2;
    return stride;
  });
  return Array.from({ length: count }, (_, i) => TIERS[strides.findIndex((s) => i % s === 0)]?.className ?? "hidden");
}

/** Ticks on calendar boundaries: hours, days, weeks or months (every 2nd, 3rd… when there are many). */
function timeTicks(min: number, max: number): { ticks: number[]; tickFormat: string } {
  const span = max - min;
  if (span <= 0) return { ticks: [min], tickFormat: "d MMM yyyy" };
  const ticks: number[] = [];
  const days = span / DAY;
  if (days < 2) {
    const step = [1, 2, 3, 6, 12].find((h) => span / (h * HOUR) <= 8) ?? 12;
    const d = new Date(min);
    d.setMinutes(0, 0, 0);
    for (d.setHours(d.getHours() + 1); d.getTime() <= max; d.setHours(d.getHours() + 1)) if (d.getHours() % step === 0) ticks.push(d.getTime());
    const sameDay = new Date(min).toDateString() === new Date(max).toDateString();
    return { ticks, tickFormat: sameDay ? "HH:mm" : "d MMM HH:mm" };
  }
  if (days <= 70) {
    const step = days <= 10 ? 1 : 7;
    const d = new Date(min);
    d.setHours(0, 0, 0, 0);
    for (d.setDate(d.getDate() + 1); d.getTime() <= max; d.setDate(d.getDate() + step)) ticks.push(d.getTime());
    return { ticks, tickFormat: "d MMM" };
  }
  const months = days / 30;
  const step = months <= 12 ? 1 : months <= 24 ? 2 : months <= 48 ? 3 : 6;
  const d = new Date(min);
  d.setHours(0, 0, 0, 0);
  d.setDate(1);
  d.setMonth(d.getMonth() + 1);
  for (; d.getTime() <= max; d.setMonth(d.getMonth() + step)) ticks.push(d.getTime());
  return { ticks, tickFormat: months > 10 ? "MMM yyyy" : "d MMM" };
}

/** A smooth line through the points that never overshoots them (monotone in x, as d3's curveMonotoneX). */
function monotonePath(points: ReadonlyArray<readonly [number, number]>): string {
  const n = points.length;
  if (n === 0) return "";
  const [x0, y0] = points[0]!;
  if (n === 1) return `M${num(x0)},${num(y0)}`;
  const slope = (i: number) => {
    const [xa, ya] = points[i]!;
    const [xb, yb] = points[i + 1]!;
    return xb === xa ? 0 : (yb - ya) / (xb - xa);
  };
  const tangents: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i === 0 || i === n - 1) continue;
    const s0 = slope(i - 1);
    const s1 = slope(i);
    const h0 = points[i]![0] - points[i - 1]![0];
    const h1 = points[i + 1]![0] - points[i]![0];
    const p = h0 + h1 > 0 ? (s0 * h1 + s1 * h0) / (h0 + h1) : 0;
    tangents[i] = (Math.sign(s0) + Math.sign(s1)) * Math.min(Math.abs(s0), Math.abs(s1), 0.5 * Math.abs(p)) || 0;
  }
  if (n === 2) {
    tangents[0] = slope(0);
    tangents[1] = slope(0);
  } else {
    tangents[0] = (3 * slope(0) - tangents[1]!) / 2;
    tangents[n - 1] = (3 * slope(n - 2) - tangents[n - 2]!) / 2;
  }
  let d = `M${num(x0)},${num(y0)}`;
  for (let i = 0; i < n - 1; i++) {
    const [xa, ya] = points[i]!;
    const [xb, yb] = points[i + 1]!;
    const dx = (xb - xa) / 3;
    d +=
      dx === 0
        ? `L${num(xb)},${num(yb)}`
        : `C${num(xa + dx)},${num(ya + dx * tangents[i]!)},${num(xb - dx)},${num(yb - dx * tangents[i + 1]!)},${num(xb)},${num(yb)}`;
  }
  return d;
}

type LegendItem = { label: string; swatch: "line" | "thin-line" | "dotted-line" | "bar-main" | "bar-soft" };

function Legend({ items }: { items: LegendItem[] }) {
  return (
    <ul className="mb-2 flex flex-wrap justify-center gap-x-5 gap-y-1 text-xs text-zinc-600 dark:text-zinc-300">
      {items.map((item) => (
        <li key={item.label} className="flex items-center gap-1.5">
          {item.swatch === "line" ? (
            <span className="h-[3px] w-4 rounded-full bg-(--chart-main)" />
          ) : item.swatch === "thin-line" ? (
            <span className="h-[1.5px] w-4 bg-(--chart-soft)" />
          ) : item.swatch === "dotted-line" ? (
            <span className="relative flex h-2 w-4 items-center">
              <span className="h-[1.5px] w-full bg-(--chart-soft)" />
              <span className="absolute left-1/2 size-1.5 -translate-x-1/2 rounded-full bg-(--chart-soft)" />
            </span>
          ) : (
            <span className={cn("size-2.5 rounded-sm", item.swatch === "bar-main" ? "bg-(--chart-main)" : "bg-(--chart-soft)")} />
          )}
          {item.label}
        </li>
      ))}
    </ul>
  );
}

const OVER_TIME = { height: 240, top: 8, plot: 200 } as const;

/** Each finished session's score (thin line and dots) and the moving average (thick line), over time. */
export function ScoreOverTimeChart({ points, window }: { points: Array<Pick<ScorePoint, "t" | "score" | "average">>; window: number }) {
  const { height, top, plot } = OVER_TIME;
  const min = points[0]?.t ?? 0;
  const max = points.at(-1)?.t ?? 0;
  const span = max - min;
  const fx = (t: number) => (span > 0 ? (t - min) / span : 0.5);
  const y = (v: number) => top + (1 - v / 100) * plot;
  const all = timeTicks(min, max);
  // A tick at the very end would hang over the edge: the line goes on past the last label anyway.
  const ticks = all.ticks.length > 1 ? all.ticks.filter((t) => fx(t) <= 0.97) : all.ticks;
  const tickFormat = all.tickFormat;
  const labels = ticks.map((t) => format(new Date(t), tickFormat));
  const shown = labelVisibility(ticks.length, Math.max(0, ...labels.map((l) => l.length)), 44);
  const many = points.length > 150;
  const dots = points.length <= 60;
  const dotRadius = points.length === 1 ? 5 : points.length <= 12 ? 4 : points.length <= 30 ? 3.5 : 2.5;
  // Paths in the plot's own coordinates: x 0..1000 across the width, y in pixels.
  const line = (key: "score" | "average") => monotonePath(points.map((p) => [fx(p.t) * 1000, y(p[key]) - top] as const));
  return (
    <div className={cn(vars, "@container")}>
      <Legend
        items={[
          { label: "Session score", swatch: dots ? "dotted-line" : "thin-line" },
          { label: `Average of last ${window}`, swatch: "line" },
        ]}
      />
      <div className="pl-8 pr-3">
        <svg width="100%" height={height} className={cn("block overflow-visible", axisText)} aria-hidden="true">
          {TICKS.map((v) => (
            <Fragment key={v}>
              <line
                x1="0"
                x2="100%"
                y1={y(v)}
                y2={y(v)}
                className={v === 0 ? "stroke-(--chart-axis)" : "stroke-(--chart-grid)"}
                strokeDasharray={v === 0 ? undefined : "3 3"}
                shapeRendering="crispEdges"
              />
              <text x="-8" y={y(v)} dy="0.32em" textAnchor="end" fill="currentColor">
                {v}
              </text>
            </Fragment>
          ))}
          {ticks.map((t, i) => {
            return (
              <text key={t} x={pct(fx(t))} y={top + plot + 20} textAnchor="middle" fill="currentColor" className={shown[i] || undefined}>
                {labels[i]}
              </text>
            );
          })}
          <svg y={top} width="100%" height={plot} viewBox={`0 0 1000 ${plot}`} preserveAspectRatio="none" overflow="visible">
            <path
              d={line("score")}
              fill="none"
              className="stroke-(--chart-soft)"
              strokeWidth={many ? 1 : 1.5}
              strokeOpacity={many ? 0.7 : 1}
              strokeLinejoin="round"
              vectorEffect="non-scaling-stroke"
            />
            <path
              d={line("average")}
              fill="none"
              className="stroke-(--chart-main)"
              strokeWidth={2.5}
              strokeLinejoin="round"
              strokeLinecap="round"
              vectorEffect="non-scaling-stroke"
            />
          </svg>
          {dots
            ? points.map((p, i) => (
                // A transparent rim makes the dot easier to point at for its tooltip.
                <circle key={i} cx={pct(fx(p.t))} cy={y(p.score)} r={dotRadius} className="fill-(--chart-soft)" stroke="transparent" strokeWidth={10}>
                  <title>{`${format(p.t, "EEE d MMM yyyy, HH:mm")}: score ${p.score}, average of last ${window} ${Math.round(p.average)}`}</title>
                </circle>
              ))
            : null}
          {points.length === 1 ? (
            // A single session: its score written above its dot (there is no line yet).
            <text x="50%" y={y(points[0]!.score) - 10} textAnchor="middle" fill="currentColor" className={cn(valueText, halo)}>
              {points[0]!.score}
            </text>
          ) : null}
        </svg>
      </div>
    </div>
  );
}

const GROUP_LEGEND: LegendItem[] = [
  { label: "All answers", swatch: "bar-main" },
  { label: "Last 5 answers", swatch: "bar-soft" },
];

const BARS = [
  { key: "average", name: "all answers", className: "fill-(--chart-main)" },
  { key: "recentAverage", name: "last 5 answers", className: "fill-(--chart-soft)" },
] as const;

const barTitle = (g: GroupScore, bar: (typeof BARS)[number]) => `${g.label}, ${bar.name}: ${g[bar.key]}`;

const TOPIC = { label: 18, bar: 11, gap: 3, after: 14, axis: 22 } as const;
const topicRow = TOPIC.label + 2 * TOPIC.bar + TOPIC.gap + TOPIC.after;
/** Height of the topic chart's drawing for `groups` topics. */
const topicChartHeight = (groups: number) => groups * topicRow + TOPIC.axis;

const MAX_TOPIC_LABEL = 52;

/**
 * Average score per topic, weakest first: each topic's name above its two bars (all answers, last
 * 5), so long names never squeeze the bars on a phone; each bar's value is written at its end.
 */
export function TopicChart({ groups }: { groups: GroupScore[] }) {
  if (!groups.length) return <p className="py-6 text-center text-sm text-zinc-600 dark:text-zinc-400">No scored answers yet.</p>;
  const height = topicChartHeight(groups.length);
  const plotBottom = groups.length * topicRow - TOPIC.after / 2;
  return (
    <div className={vars}>
      <Legend items={GROUP_LEGEND} />
      <div className="pr-8">
        <svg width="100%" height={height} className={cn("block overflow-visible", axisText)} aria-hidden="true">
          {TICKS.map((v) => (
            <Fragment key={v}>
              <line
                x1={pct(v / 100)}
                x2={pct(v / 100)}
                y1={0}
                y2={plotBottom}
                className="stroke-(--chart-grid)"
                strokeDasharray={v === 0 ? undefined : "3 3"}
                shapeRendering="crispEdges"
              />
              <text x={pct(v / 100)} y={plotBottom + 16} textAnchor={v === 0 ? "start" : v === 100 ? "end" : "middle"} fill="currentColor">
                {v}
              </text>
            </Fragment>
          ))}
          {groups.map((g, i) => {
            const y0 = i * topicRow;
            const label = g.label.length > MAX_TOPIC_LABEL ? `${g.label.slice(0, MAX_TOPIC_LABEL - 1).trimEnd()}…` : g.label;
            return (
              <Fragment key={g.label}>
                <text y={y0 + 12} fill="currentColor" className={cn("font-medium text-zinc-700 dark:text-zinc-200", halo)}>
                  {label}
                </text>
                {BARS.map((bar, j) => {
                  const value = g[bar.key];
                  const yb = y0 + TOPIC.label + j * (TOPIC.bar + TOPIC.gap);
                  return (
                    <Fragment key={bar.key}>
                      <rect x="0" y={yb} width={pct(Math.max(value, 0.5) / 100)} height={TOPIC.bar} rx={3} className={bar.className}>
                        <title>{barTitle(g, bar)}</title>
                      </rect>
                      <text x={pct(value / 100)} dx={5} y={yb + TOPIC.bar / 2} dy="0.35em" fill="currentColor" className={cn(valueText, halo)}>
                        {value}
                      </text>
                    </Fragment>
                  );
                })}
              </Fragment>
            );
          })}
        </svg>
      </div>
    </div>
  );
}

const DIFFICULTY = { height: 240, top: 22, plot: 190 } as const;

/** Average score per difficulty, easy to hard: two bars each (all answers, last 5) with their values on top. */
export function DifficultyChart({ groups }: { groups: GroupScore[] }) {
  if (!groups.length) return <p className="py-6 text-center text-sm text-zinc-600 dark:text-zinc-400">No scored answers yet.</p>;
  const { height, top, plot } = DIFFICULTY;
  const y = (v: number) => top + (1 - v / 100) * plot;
  const slot = 1 / groups.length;
  // Each bar 28% of its group's slot, and never wider than a tenth of the chart.
  const bar = Math.min(0.28 * slot, 0.1);
  const gap = bar * 0.1;
  return (
    <div className={vars}>
      <Legend items={GROUP_LEGEND} />
      <div className="pl-8 pr-1">
        <svg width="100%" height={height} className={cn("block overflow-visible", axisText)} aria-hidden="true">
          {TICKS.map((v) => (
            <Fragment key={v}>
              {v > 0 ? <line x1="0" x2="100%" y1={y(v)} y2={y(v)} className="stroke-(--chart-grid)" strokeDasharray="3 3" shapeRendering="crispEdges" /> : null}
              <text x="-8" y={y(v)} dy="0.32em" textAnchor="end" fill="currentColor">
                {v}
              </text>
            </Fragment>
          ))}
          {groups.map((g, i) => {
            const centre = (i + 0.5) * slot;
            return (
              <Fragment key={g.label}>
                {BARS.map((b, j) => {
                  const value = g[b.key];
                  const x = j === 0 ? centre - gap / 2 - bar : centre + gap / 2;
                  return (
                    <Fragment key={b.key}>
                      <rect x={pct(x)} y={y(value)} width={pct(bar)} height={Math.max(top + plot - y(value), 1)} rx={3} className={b.className}>
                        <title>{barTitle({ ...g, label: capitalise(g.label) }, b)}</title>
                      </rect>
                      <text x={pct(x + bar / 2)} y={y(value) - 6} textAnchor="middle" fill="currentColor" className={cn(valueText, halo)}>
                        {value}
                      </text>
                    </Fragment>
                  );
                })}
                <text x={pct(centre)} y={top + plot + 20} textAnchor="middle" fill="currentColor">
                  {capitalise(g.label)}
                </text>
              </Fragment>
            );
          })}
          <line x1="0" x2="100%" y1={y(0)} y2={y(0)} className="stroke-(--chart-axis)" shapeRendering="crispEdges" />
        </svg>
      </div>
    </div>
  );
}

function capitalise(s: string): string {
  return s ? s[0]!.toUpperCase() + s.slice(1) : s;
}
