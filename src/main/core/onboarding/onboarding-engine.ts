import { randomUUID } from 'node:crypto';
import type { RunProgress } from '../../../shared/domain/onboarding';
import { ErrorCode } from '../../../shared/error-codes';
import { AppError } from '../errors/app-error';
import type { StepContext, OnboardingStep, StepPreview } from './onboarding-step';
import type { RunJournal } from './run-journal';

export interface PreviewItem extends StepPreview {
  stepId: string;
  title: string;
  why: string;
}

export interface EngineOptions {
  journal: RunJournal;
  now(): Date;
  onProgress(progress: RunProgress): void;
}

function errorDetail(error: unknown): { code: string; message: string; fix?: string } {
  if (error instanceof AppError) return { code: error.code, message: error.message, ...(error.fix ? { fix: error.fix } : {}) };
  return { code: ErrorCode.Internal, message: error instanceof Error ? error.message : String(error) };
}

/**
 * plan -> preview -> apply, journaled (architecture.md, "Onboarding engine"). Every step is written to
 * the journal before and after it runs; a run left "running" by a crash resumes at its first step
 * that is not done, and because each step reads the live tenant first, repeating one is harmless.
 */
export class OnboardingEngine {
  constructor(private readonly options: EngineOptions) {}

  /** What each step would do, in plain words, before anything is written. */
  async preview(ctx: StepContext, steps: OnboardingStep[]): Promise<PreviewItem[]> {
    const items: PreviewItem[] = [];
    for (const step of steps) {
      try {
        items.push({ stepId: step.id, title: step.title, why: step.why, ...(await step.inspect(ctx)) });
      } catch (error) {
        // Anything a step cannot read yet (its app is created by an earlier step) or may not read
        // (consent needed) is shown, not thrown: the preview is for the whole plan.
        if (error instanceof AppError && error.code === ErrorCode.SignInRequired) throw error;
        const detail = errorDetail(error);
        items.push({ stepId: step.id, title: step.title, why: step.why, action: 'blocked', summary: detail.message, details: detail.fix ? [detail.fix] : [] });
      }
    }
    return items;
  }

  start(workspaceId: string, steps: OnboardingStep[], planJson: string): string {
    const runId = randomUUID();
    this.options.journal.startRun(runId, workspaceId, planJson, steps.map((s) => s.id), this.options.now().toISOString());
    return runId;
  }

  /** Runs (or resumes) a run: every step not yet done, in order. Stops at the first failure. */
  async run(runId: string, ctx: StepContext, steps: OnboardingStep[]): Promise<'succeeded' | 'failed'> {
    const { journal, now, onProgress } = this.options;
    const run = journal.run(runId);
    if (!run) throw new Error(`No run ${runId}`);
    const journalSteps = journal.steps(runId);
    if (journalSteps.map((s) => s.stepId).join('|') !== steps.map((s) => s.id).join('|')) {
      throw new AppError(ErrorCode.Internal, 'This run was planned with different steps and cannot be resumed.', {
        fix: 'Start the wizard again; it reads the tenant afresh and finishes the job.',
      });
    }
    for (const [seq, step] of steps.entries()) {
      const entry = journalSteps[seq];
      if (entry?.status === 'done' || entry?.status === 'skipped') continue;
      const report = (message: string, waitingMs?: number) =>
        onProgress({ workspaceId: run.workspaceId, runId, seq, stepId: step.id, status: 'running', message, ...(waitingMs !== undefined ? { waitingMs } : {}) });
      journal.beforeStep(runId, seq, now().toISOString());
      onProgress({ workspaceId: run.workspaceId, runId, seq, stepId: step.id, status: 'running' });
      try {
        const result = await step.apply({ ...ctx, runId, report });
        journal.afterStep(runId, seq, 'done', result, now().toISOString());
        onProgress({ workspaceId: run.workspaceId, runId, seq, stepId: step.id, status: 'done' });
      } catch (error) {
        const detail = errorDetail(error);
        journal.afterStep(runId, seq, 'failed', detail, now().toISOString());
        journal.finishRun(runId, 'failed', now().toISOString());
        onProgress({ workspaceId: run.workspaceId, runId, seq, stepId: step.id, status: 'failed', message: detail.message, ...(detail.fix ? { fix: detail.fix } : {}) });
        return 'failed';
      }
    }
    journal.finishRun(runId, 'succeeded', now().toISOString());
    return 'succeeded';
  }
}
