//! What an import did, row kind by row kind: how many rows it read, added, updated, found
//! unchanged and skipped, and why each skipped row was (a few ids on the terminal, every one
//! in the `--report` file, as JSON lines).

use std::collections::BTreeMap;
use std::io::Write as _;

use crate::store::ImportKind;

/// How many ids of each reason the summary shows.
const EXAMPLES: usize = 5;

/// The counts of one kind of row.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub read: u64,
    pub new: u64,
    pub updated: u64,
    pub unchanged: u64,
    pub skipped: u64,
}

/// An import's report.
#[derive(Default)]
pub struct Report {
    pub dry_run: bool,
    pub counts: BTreeMap<ImportKind, Counts>,
    /// Per kind and reason: how many rows, and the first few ids.
    reasons: BTreeMap<(ImportKind, String), (u64, Vec<String>)>,
    /// Sessions already expired in the source, not imported.
    pub expired_sessions: u64,
    /// Every skipped or noted row, one JSON object a line (`--report`).
    file: Option<std::io::BufWriter<std::fs::File>>,
}

impl Report {
    /// A report, written row by row to `file` too, if given.
    pub fn new(dry_run: bool, file: Option<std::fs::File>) -> Self {
        Report { dry_run, file: file.map(std::io::BufWriter::new), ..Report::default() }
    }

    pub fn count(&mut self, kind: ImportKind) -> &mut Counts {
        self.counts.entry(kind).or_default()
    }

    /// A row skipped for `reason`.
    pub fn skipped(&mut self, kind: ImportKind, id: &str, reason: &str) -> anyhow::Result<()> {
        self.count(kind).skipped += 1;
        self.said(kind, id, reason, "skipped")
    }

    /// A row imported, with something to say about it.
    pub fn noted(&mut self, kind: ImportKind, id: &str, note: &str) -> anyhow::Result<()> {
        self.said(kind, id, note, "imported")
    }

    fn said(&mut self, kind: ImportKind, id: &str, reason: &str, outcome: &str) -> anyhow::Result<()> {
        let entry = self.reasons.entry((kind, format!("{outcome}: {reason}"))).or_default();
        entry.0 += 1;
        if entry.1.len() < EXAMPLES {
            entry.1.push(id.to_owned());
        }
        if let Some(file) = &mut self.file {
            let line = serde_json::json!({ "kind": kind.as_str(), "id": id, "outcome": outcome, "reason": reason });
            writeln!(file, "{line}")?;
        }
        Ok(())
    }

    /// The reasons given for `kind`, with how many rows each.
    pub fn reasons(&self, kind: ImportKind) -> Vec<(&str, u64)> {
        self.reasons.iter().filter(|((k, _), _)| *k == kind).map(|((_, r), (n, _))| (r.as_str(), *n)).collect()
    }

    /// Flushes the report file.
    pub fn finish(&mut self) -> anyhow::Result<()> {
        if let Some(file) = &mut self.file {
            file.flush()?;
        }
        Ok(())
    }

    /// The summary, as the command prints it.
    pub fn summary(&self) -> String {
        let mut out = String::new();
        if self.dry_run {
            out.push_str("dry run: nothing was written; this is what an import would do\n");
        }
        let verb = if self.dry_run { "would be " } else { "" };
        for (kind, c) in &self.counts {
            out.push_str(&format!(
                "{}: {} read, {} {verb}new, {} {verb}updated, {} unchanged, {} skipped\n",
                kind.as_str(),
                c.read,
                c.new,
                c.updated,
                c.unchanged,
                c.skipped
            ));
        }
        if self.expired_sessions > 0 {
            out.push_str(&format!("session: {} already expired in the source, left behind\n", self.expired_sessions));
        }
        for ((kind, reason), (n, ids)) in &self.reasons {
            let more = if *n > ids.len() as u64 { ", …" } else { "" };
            out.push_str(&format!("  {} {reason}: {n} ({}{more})\n", kind.as_str(), ids.join(", ")));
        }
        out
    }
}
