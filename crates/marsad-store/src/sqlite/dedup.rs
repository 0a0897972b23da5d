//! Signatures and near-duplicate pairs (schema v3).

use marsad_model::ArticleId;
use rusqlite::{params, Connection, TransactionBehavior};

use crate::types::NearDuplicate;

pub(crate) fn signatures(conn: &Connection) -> rusqlite::Result<Vec<(ArticleId, Vec<u8>)>> {
    let mut stmt =
        conn.prepare_cached("SELECT article_id, minhash FROM signatures ORDER BY article_id")?;
    let rows = stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
    rows.collect()
}

pub(crate) fn store(
    conn: &mut Connection,
    signatures: &[(ArticleId, Vec<u8>)],
    pairs: &[NearDuplicate],
) -> rusqlite::Result<()> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    {
        let mut sig = tx.prepare_cached(
            "INSERT OR REPLACE INTO signatures (article_id, minhash) VALUES (?1, ?2)",
        )?;
        for (id, bytes) in signatures {
            sig.execute(params![id, bytes])?;
        }
        let mut pair = tx.prepare_cached(
            "INSERT OR REPLACE INTO near_duplicates (a, b, similarity, kind) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for p in pairs {
            let (a, b) = if p.a <= p.b { (p.a, p.b) } else { (p.b, p.a) };
            pair.execute(params![a, b, p.similarity, p.kind])?;
        }
    }
    tx.commit()
}

pub(crate) fn near_duplicates(conn: &Connection) -> rusqlite::Result<Vec<NearDuplicate>> {
    let mut stmt =
        conn.prepare_cached("SELECT a, b, similarity, kind FROM near_duplicates ORDER BY a, b")?;
    let rows = stmt.query_map([], |row| {
        Ok(NearDuplicate {
            a: row.get(0)?,
            b: row.get(1)?,
            similarity: row.get(2)?,
            kind: row.get(3)?,
        })
    })?;
    rows.collect()
}
