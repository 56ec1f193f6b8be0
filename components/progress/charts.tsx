"use client";
import { format } from "date-fns";
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from "recharts";
import type { GroupScore, ScorePoint } from "@/lib/review/aggregate";

/*
 * The /progress charts (Recharts, SVG). The data is computed on the server (lib/review/aggregate.ts);
 * these components only draw it. Colours come from CSS variables set on the wrapper for light and
 * dark mode.
 */
const vars =
  "[--chart-main:#3b55e6] [--chart-soft:#a5b6fc] [--chart-grid:#e4e4e7] [--chart-tip-bg:#ffffff] [--chart-tip-border:#e4e4e7] " +
  "dark:[--chart-main:#7d92fa] dark:[--chart-soft:#3f4f9e] dark:[--chart-grid:#27272a] dark:[--chart-tip-bg:#18181b] dark:[--chart-tip-border:#3f3f46] " +
  "text-zinc-500 dark:text-zinc-400";

const tick = { fill: "currentColor", fontSize: 12 };
const tooltipStyle = {
  contentStyle: { background: "var(--chart-tip-bg)", border: "1px solid var(--chart-tip-border)", borderRadius: 8, fontSize: 13 },
  labelStyle: { color: "inherit", fontWeight: 600 },
  itemStyle: { color: "inherit" },
} as const;

const DAY = 86_400_000;

/** Ticks on calendar boundaries: days, weeks or months (every 2nd, 3rd… when there are many). */
function timeTicks(min: number, max: number): { ticks: number[] | undefined; tickFormat: string } {
  const days = (max - min) / DAY;
  if (days < 2) return { ticks: undefined, tickFormat: "d MMM HH:mm" };
  const ticks: number[] = [];
  if (days <= 70) {
    const step = days <= 10 ? 1 : 7;
    const start = new Date(min);
    start.setHours(0, 0, 0, 0);
    for (let t = start.getTime() + DAY; t <= max; t += step * DAY) ticks.push(t);
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

export function ScoreOverTimeChart({ points, window }: { points: Array<Pick<ScorePoint, "t" | "score" | "average">>; window: number }) {
  const dots = points.length <= 40;
  const { ticks, tickFormat } = timeTicks(points[0]?.t ?? 0, points.at(-1)?.t ?? 0);
  return (
    <div className={vars}>
      <LineChart responsive style={{ width: "100%", height: 280 }} data={points} margin={{ top: 8, right: 12, bottom: 0, left: -16 }}>
        <CartesianGrid stroke="var(--chart-grid)" strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="t"
          type="number"
          scale="time"
          domain={["dataMin", "dataMax"]}
          ticks={ticks}
          tickFormatter={(t: number) => format(new Date(t), tickFormat)}
          tick={tick}
          stroke="var(--chart-grid)"
          minTickGap={24}
        />
        <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={tick} stroke="var(--chart-grid)" />
        <Tooltip
          {...tooltipStyle}
          labelFormatter={(t) => format(new Date(Number(t)), "EEE d MMM yyyy, HH:mm")}
          formatter={(value, name) => [name === "average" ? Number(value).toFixed(0) : String(value), name === "average" ? `Average of last ${window}` : "Session score"]}
        />
        <Legend
          verticalAlign="top"
          height={28}
          iconType="plainline"
          formatter={(name) => <span className="text-xs text-zinc-600 dark:text-zinc-300">{name === "average" ? `Average of last ${window}` : "Session score"}</span>}
        />
        <Line
          type="monotone"
          dataKey="score"
          name="score"
          stroke="var(--chart-soft)"
          strokeWidth={points.length > 150 ? 1 : 1.5}
          strokeOpacity={points.length > 150 ? 0.7 : 1}
          dot={dots ? { r: 3, fill: "var(--chart-soft)", strokeWidth: 0 } : false}
          isAnimationActive={false}
        />
        <Line type="monotone" dataKey="average" name="average" stroke="var(--chart-main)" strokeWidth={2.5} dot={false} isAnimationActive={false} />
      </LineChart>
    </div>
  );
}

function GroupLegend() {
  return (
    <Legend
      verticalAlign="top"
      height={28}
      iconType="square"
      formatter={(name) => <span className="text-xs text-zinc-600 dark:text-zinc-300">{name === "average" ? "All answers" : "Last 5 answers"}</span>}
    />
  );
}

const groupTooltip = {
  ...tooltipStyle,
  formatter: (value: unknown, name: unknown) => [String(value), name === "average" ? "Average, all answers" : "Average, last 5"] as [string, string],
  cursor: { fill: "var(--chart-grid)", opacity: 0.5 },
};

/** Average score per topic as horizontal bars (topic names are long), weakest first. */
export function TopicChart({ groups }: { groups: GroupScore[] }) {
  const height = Math.max(160, groups.length * 52 + 48);
  return (
    <div className={vars}>
      <BarChart responsive layout="vertical" style={{ width: "100%", height }} data={groups} margin={{ top: 4, right: 12, bottom: 0, left: 0 }} barGap={2}>
        <CartesianGrid stroke="var(--chart-grid)" strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={tick} stroke="var(--chart-grid)" />
        <YAxis type="category" dataKey="label" width={128} tick={{ ...tick, fontSize: 11 }} stroke="var(--chart-grid)" interval={0} />
        <Tooltip {...groupTooltip} />
        <GroupLegend />
        <Bar dataKey="average" name="average" fill="var(--chart-main)" radius={[0, 4, 4, 0]} isAnimationActive={false} />
        <Bar dataKey="recentAverage" name="recentAverage" fill="var(--chart-soft)" radius={[0, 4, 4, 0]} isAnimationActive={false} />
      </BarChart>
    </div>
  );
}

/** Average score per difficulty, easy to hard. */
export function DifficultyChart({ groups }: { groups: GroupScore[] }) {
  const data = groups.map((g) => ({ ...g, label: g.label[0]?.toUpperCase() + g.label.slice(1) }));
  return (
    <div className={vars}>
      <BarChart responsive style={{ width: "100%", height: 260 }} data={data} margin={{ top: 4, right: 12, bottom: 0, left: -16 }} barGap={2}>
        <CartesianGrid stroke="var(--chart-grid)" strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={tick} stroke="var(--chart-grid)" />
        <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={tick} stroke="var(--chart-grid)" />
        <Tooltip {...groupTooltip} />
        <GroupLegend />
        <Bar dataKey="average" name="average" fill="var(--chart-main)" radius={[4, 4, 0, 0]} maxBarSize={56} isAnimationActive={false} />
        <Bar dataKey="recentAverage" name="recentAverage" fill="var(--chart-soft)" radius={[4, 4, 0, 0]} maxBarSize={56} isAnimationActive={false} />
      </BarChart>
    </div>
  );
}
