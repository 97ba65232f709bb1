// Context updates of the draft and bidding phases, and of the events every phase shares.
import { impliedDeclaration } from './award-methods/implied-declaration.ts'
import type { FailureReason, TenderContext } from './tender.context.ts'
import type { EventOf } from './tender.event-guard.ts'
import type { TenderParticulars } from './tender.events.ts'
import { definedChanges, PARTICULAR_KEYS } from './tender-draft.guards.ts'

type Changes = Partial<TenderContext>

export function editParticulars(context: TenderContext, event: EventOf<'EDIT'>): Changes {
  const known = definedChanges(event.changes).filter(([key]) =>
    (PARTICULAR_KEYS as readonly string[]).includes(key),
  )
  const particulars: TenderParticulars = { ...context.particulars, ...Object.fromEntries(known) }
  return { particulars }
}

/** PUBLISH freezes the rule pack, deadline, methods, award factors and the award declaration. */
export function publish(_context: TenderContext, event: EventOf<'PUBLISH'>): Changes {
  return {
    rulePack: event.rulePack,
    publishedAt: event.at,
    deadline: event.deadline,
    evaluationMethod: event.evaluationMethod,
    awardMethod: event.awardMethod,
    awardFactors: [...event.awardFactors],
    awardDeclaration: event.award ?? impliedDeclaration(event.awardMethod, event.rulePack),
  }
}

export function askQuestion(context: TenderContext, event: EventOf<'QUESTION_ASKED'>): Changes {
  return { questions: [...context.questions, { questionId: event.questionId, answered: false }] }
}

export function answerQuestion(context: TenderContext, event: EventOf<'QUESTION_ANSWERED'>): Changes {
  return {
    questions: context.questions.map((q) =>
      q.questionId === event.questionId ? { ...q, answered: true } : q,
    ),
  }
}

export function amend(context: TenderContext, event: EventOf<'AMEND'>): Changes {
  return {
    amendmentIds: [...context.amendmentIds, event.amendmentId],
    deadline: event.newDeadline ?? context.deadline,
  }
}

export function extendDeadline(_context: TenderContext, event: EventOf<'EXTEND_DEADLINE'>): Changes {
  return { deadline: event.newDeadline }
}

export function closeBidding(_context: TenderContext, event: EventOf<'CLOSE_BIDDING'>): Changes {
  return { bidCount: event.bidCount, bidSetHash: event.bidSetHash }
}

export function raiseObjection(context: TenderContext, event: EventOf<'OBJECTION_RAISED'>): Changes {
  const objection = { objectionId: event.objectionId, stage: event.stage }
  return { pendingObjections: [...context.pendingObjections, objection] }
}

export function answerObjection(context: TenderContext, event: EventOf<'OBJECTION_ANSWERED'>): Changes {
  return { pendingObjections: context.pendingObjections.filter((o) => o.objectionId !== event.objectionId) }
}

export function suspend(_context: TenderContext, event: EventOf<'SUSPEND'>): Changes {
  return { suspended: true, suspendReason: event.reason }
}

export function resume(_context: TenderContext, _event: EventOf<'RESUME'>): Changes {
  return { suspended: false, suspendReason: null }
}

export function cancel(_context: TenderContext, event: EventOf<'CANCEL'>): Changes {
  return { cancelReason: event.reason }
}

export function failWith(failureReason: FailureReason): Changes {
  return { failureReason }
}
