//! `manual`: an item only a human can check; listed with status `manual`.

use super::CompileError;
use crate::checks::{Context, Outcome};
use crate::pack::model::Manual;

pub type Compiled = Manual;

pub fn compile(c: &Manual, errors: &mut Vec<CompileError>) -> Compiled {
    if c.instruction.trim().is_empty() {
        errors.push(CompileError::new("instruction", "`instruction` est vide"));
    }
    c.clone()
}

pub fn evaluate(c: &Compiled, _: &Context) -> Outcome {
    Outcome::manual(c.instruction.clone())
}
