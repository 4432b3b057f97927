import { sql, type Kysely } from 'kysely';

/**
 * The staff member who proposes or decides a rating correction, files an appeal or keys in a
 * paper slip is the signed-in user (issue 5), no longer an official named in the request body:
 * naming someone else let one person both propose and approve, which defeats the two-person
 * rule (Nghị định 61/2018 Điều 27). The user columns reference staff_user; the official columns
 * stay (the history, and the official the user is linked to, when there is one). A correction
 * or decision made by an account without a linked official has no official: those columns become
 * nullable, and each row names at least one of the two. Appeals keep their official NOT NULL:
 * only a rated official may appeal.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE rating_correction
      ADD COLUMN proposed_by_user_id uuid REFERENCES staff_user (id),
      ALTER COLUMN proposed_by_official_id DROP NOT NULL,
      ADD CONSTRAINT rating_correction_proposer_check
        CHECK (proposed_by_user_id IS NOT NULL OR proposed_by_official_id IS NOT NULL);

    ALTER TABLE rating_correction_decision
      ADD COLUMN decided_by_user_id uuid REFERENCES staff_user (id),
      ALTER COLUMN decided_by_official_id DROP NOT NULL,
      ADD CONSTRAINT rating_correction_decision_decider_check
        CHECK (decided_by_user_id IS NOT NULL OR decided_by_official_id IS NOT NULL);

    ALTER TABLE rating_appeal ADD COLUMN filed_by_user_id uuid REFERENCES staff_user (id);

    -- Paper slips: the account that keyed the slip in (keyed_by_official_id: its official, if linked).
    ALTER TABLE rating ADD COLUMN keyed_by_user_id uuid REFERENCES staff_user (id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // Refuses (NOT NULL) once a correction or decision was made by an account without an official.
  await sql`
    ALTER TABLE rating DROP COLUMN keyed_by_user_id;
    ALTER TABLE rating_appeal DROP COLUMN filed_by_user_id;
    ALTER TABLE rating_correction_decision
      DROP CONSTRAINT rating_correction_decision_decider_check,
      ALTER COLUMN decided_by_official_id SET NOT NULL,
      DROP COLUMN decided_by_user_id;
    ALTER TABLE rating_correction
      DROP CONSTRAINT rating_correction_proposer_check,
      ALTER COLUMN proposed_by_official_id SET NOT NULL,
      DROP COLUMN proposed_by_user_id;
  `.execute(db);
}
