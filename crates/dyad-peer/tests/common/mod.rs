//! Shared set-up of the TABARI loader tests: an invented project converted
//! and built into a coder.

use std::sync::Arc;

use dyad_peer::{tabari, Converted, PeerCoder};
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
