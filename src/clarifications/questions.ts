// Questions (答疑) from bidders and the purchaser's answers. Everyone who can see the tender reads them;
// only the asker (as `mine`) and oversight learn who asked.
import type { Kysely } from 'kysely'
import { recordWithheldActor, withheldIdentity } from '../audit-log/withheld-identity.ts'
import { type Actor, requireRole } from '../auth/actor.ts'
import type { Database } from '../db/schema.ts'
import { sha256Hex } from '../events/hash-chain.ts'
import { type CommandDeps, executeTenderCommand } from '../pipeline/tender-command.ts'
import { newId } from '../shared/ids.ts'
import { assertVisible, authorizeOwnPurchaser, isOversight } from '../tenders/tender-access.ts'
import { findTender } from '../tenders/tender-repository.ts'
import { insertQuestion, listQuestions, lockQuestion, recordAnswer } from './question-repository.ts'

export function askQuestion(
  deps: CommandDeps,
  actor: Actor,
  tenderId: string,
  question: string,
  ifMatch: number | undefined,
) {
  const questionId = newId('qst')
  return executeTenderCommand(deps, {
    tenderId,
    actor: withheldIdentity(actor),
    ifMatch,
    authorize: (tender) => {
      requireRole(actor, 'bidder')
      assertVisible(tender, actor)
    },
    decide: () => ({ type: 'QUESTION_ASKED', questionId, contentHash: sha256Hex(question) }),
    project: async ({ trx, at }) => {
      await insertQuestion(trx, { id: questionId, tenderId, askerOrgId: actor.orgId, question, askedAt: at })
      await recordWithheldActor(trx, actor, {
        action: 'question.asked',
        entity: 'question',
        entityId: questionId,
        at,
        content: { tenderId, question },
      })
      return { id: questionId }
    },
  })
}

export function answerQuestion(
  deps: CommandDeps,
  actor: Actor,
  tenderId: string,
  questionId: string,
  answer: string,
  ifMatch: number | undefined,
) {
  return executeTenderCommand(deps, {
    tenderId,
    actor,
    ifMatch,
    authorize: authorizeOwnPurchaser,
    decide: async ({ trx }) => {
      // 404 for an unknown question; one answered already is the machine's refusal (already_answered).
      await lockQuestion(trx, tenderId, questionId)
      return { type: 'QUESTION_ANSWERED', questionId, contentHash: sha256Hex(answer) }
    },
    project: async ({ trx, at }) => {
      await recordAnswer(trx, questionId, answer, at)
    },
  })
}

export async function readQuestions(db: Kysely<Database>, actor: Actor | null, tenderId: string) {
  const tender = await findTender(db, tenderId)
  assertVisible(tender, actor)
  const questions = await listQuestions(db, tenderId)
  return questions.map((q) => {
    const mine = actor !== null && actor.orgId === q.askerOrgId
    return {
      id: q.id,
      question: q.question,
      answer: q.answer,
      askedAt: q.askedAt.toISOString(),
      answeredAt: q.answeredAt?.toISOString() ?? null,
      mine,
      ...(mine || isOversight(actor) ? { askerOrgId: q.askerOrgId } : {}),
    }
  })
}
