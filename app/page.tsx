import { ButtonLink } from "@/components/ui/button";
import { getCurrentUser } from "@/lib/auth/current-user";

const features = [
  {
    title: "Timed practice",
    body: "Pick topics and difficulty, race a visible clock, and type your answer in a code-friendly editor. The interviewer reads it and probes what you missed.",
  },
  {
    title: "Scored with evidence",
    body: "Every answer is graded point by point against a rubric. See which key points you covered, in your own words, and what a complete answer adds.",
  },
  {
    title: "Review and improve",
    body: "Transcripts with timestamps, progress by topic and difficulty, and one click to practise your weak spots.",
  },
  {
    title: "Interview kits",
    body: "Recruiters build timed interview plans with follow-ups, red flags and a 1–4 rubric, share a read-only link, and run it live with a scorecard.",
  },
];

export default async function HomePage() {
  const user = await getCurrentUser();
  return (
    <div className="space-y-14">
      <section className="pt-6 text-center sm:pt-12">
        <p className="text-sm font-medium text-brand-600 dark:text-brand-200">Self-hosted · works offline · no API key needed</p>
        <h1 className="mx-auto mt-3 max-w-3xl text-4xl font-semibold tracking-tight sm:text-5xl">
          Practise technical interviews with an interviewer that listens.
        </h1>
        <p className="mx-auto mt-4 max-w-2xl text-lg text-zinc-600 dark:text-zinc-400">
          Interview Studio asks a question, reads your answer, asks the follow-up a good interviewer would, and scores you against the reference, point by
          point.
        </p>
        <div className="mt-8 flex flex-wrap justify-center gap-3">
          {user ? (
            <>
              <ButtonLink href="/practice">Start practising</ButtonLink>
              <ButtonLink href="/sessions" variant="secondary">
                Your sessions
              </ButtonLink>
            </>
          ) : (
            <>
              <ButtonLink href="/sign-up">Sign up</ButtonLink>
              <ButtonLink href="/sign-in" variant="secondary">
                Sign in
              </ButtonLink>
            </>
          )}
          <ButtonLink href="/bank" variant="ghost">
            Browse the question bank
          </ButtonLink>
        </div>
      </section>
      <section aria-labelledby="features-heading">
        <h2 id="features-heading" className="sr-only">
          What you can do
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2">
          {features.map((f) => (
            <li key={f.title} className="rounded-xl border border-zinc-200 p-5 dark:border-zinc-800">
              <h3 className="font-semibold">{f.title}</h3>
              <p className="mt-1.5 text-sm leading-6 text-zinc-600 dark:text-zinc-400">{f.body}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
