"use client";
import dynamic from "next/dynamic";
import { useEffect, useRef, useState, type ComponentProps, type ReactNode } from "react";
import type { DifficultyChart as Difficulty, ScoreOverTimeChart as OverTime, TopicChart as Topic } from "./charts";

/*
 * The /progress charts, loaded after the numbers: the page (figures, summaries, data tables) is
 * drawn and interactive first; Recharts' code is fetched and each chart drawn when its box is near
 * the viewport and the browser is idle, one chart per task, in a box of the chart's own height
 * (nothing moves when it arrives).
 */

function Placeholder({ height }: { height: number }) {
  return <div style={{ height }} className="rounded-lg bg-zinc-50 dark:bg-zinc-900/40" aria-hidden="true" />;
}

/**
 * Draws its chart once the box comes near the viewport and the browser is idle: a chart below the
 * fold costs nothing until the reader scrolls to it (on a phone, Recharts drawing three charts on
 * load blocked the main thread for 600 ms).
 */
function WhenIdle({ height, children }: { height: number; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    let cancel: (() => void) | undefined;
    const draw = () => {
      if (typeof window.requestIdleCallback === "function") {
        const id = window.requestIdleCallback(() => setReady(true), { timeout: 3000 });
        cancel = () => window.cancelIdleCallback(id);
      } else {
        const id = window.setTimeout(() => setReady(true), 200);
        cancel = () => window.clearTimeout(id);
      }
    };
    if (typeof IntersectionObserver !== "function") {
      draw();
      return () => cancel?.();
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          observer.disconnect();
          draw();
        }
      },
      { rootMargin: "200px 0px" },
    );
    observer.observe(element);
    return () => {
      observer.disconnect();
      cancel?.();
    };
  }, []);
  return (
    <div ref={box} style={{ minHeight: height }}>
      {ready ? children : <Placeholder height={height} />}
    </div>
  );
}

const OVER_TIME_HEIGHT = 280;
const DIFFICULTY_HEIGHT = 260;
const topicHeight = (groups: number) => Math.max(160, groups * 52 + 48);

const OverTimeChart = dynamic(() => import("./charts").then((m) => m.ScoreOverTimeChart), {
  ssr: false,
  loading: () => <Placeholder height={OVER_TIME_HEIGHT} />,
});
const TopicChartLazy = dynamic(() => import("./charts").then((m) => m.TopicChart), { ssr: false, loading: () => null });
const DifficultyChartLazy = dynamic(() => import("./charts").then((m) => m.DifficultyChart), {
  ssr: false,
  loading: () => <Placeholder height={DIFFICULTY_HEIGHT} />,
});

export function ScoreOverTimeChart(props: ComponentProps<typeof OverTime>) {
  return (
    <WhenIdle height={OVER_TIME_HEIGHT}>
      <OverTimeChart {...props} />
    </WhenIdle>
  );
}

export function TopicChart(props: ComponentProps<typeof Topic>) {
  const height = topicHeight(props.groups.length);
  return (
    <WhenIdle height={height}>
      <TopicChartLazy {...props} />
    </WhenIdle>
  );
}

export function DifficultyChart(props: ComponentProps<typeof Difficulty>) {
  return (
    <WhenIdle height={DIFFICULTY_HEIGHT}>
      <DifficultyChartLazy {...props} />
    </WhenIdle>
  );
}
