//! Shared set-up of the TABARI loader tests: an invented project converted
//! and built into a coder, and coded as `dyad validate tabari` codes a record.

use std::sync::Arc;

use dyad_peer::{tabari, Conventions, Converted, PeerCoder};
use dyad_text::Lexicon;

/// A TABARI project of `actors` (no agents) and `verbs`, converted, and its coder.
pub fn tabari_coder(actors: &str, verbs: &str) -> (Converted, PeerCoder) {
    let project = tabari::Project {
        actors: vec![("t.actors".into(), actors.into())],
        agents: vec![("t.agents".into(), String::new())],
        verbs: vec![("t.verbs".into(), verbs.into())],
        options: Vec::new(),
        texts: Vec::new(),
    };
    let lexicon = Arc::new(Lexicon::english());
    let converted = project.convert(&lexicon);
    let (coder, rejected) = PeerCoder::build(&converted, lexicon);
    assert!(rejected.is_empty(), "{rejected:?}");
    (converted, coder)
}

/// The events of `text` under the conventions `dyad validate tabari` codes a
/// record with (`CODE BY CLAUSE`), sorted, as `SOURCE TARGET CODE; ...`.
pub fn tabari_codes(coder: &PeerCoder, text: &str) -> String {
    let conv = Conventions { by_clause: true, ..Conventions::tabari() };
    let mut v: Vec<String> = coder
        .code_with(text, None, conv)
        .into_iter()
        .map(|e| format!("{} {} {}", e.source, e.target, e.code))
        .collect();
    v.sort();
    v.join("; ")
}
