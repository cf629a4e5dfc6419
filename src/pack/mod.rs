//! Rule packs: loading (parse, then resolve `extends`, then validate and compile), with every
//! problem reported at its file, line and column.

pub mod builtin;
pub mod model;

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::checks::CompiledCheck;
use crate::dates::DateSpec;
use crate::diagnostics::{YamlProblem, YamlProblems, YamlSource};
use crate::vocabulary::Phase;
use crate::yaml_spans::YamlPath;
use model::{Check, LotDef, PackFile, RuleDef, SourceDoc};

/// A pack as the report names it.
#[derive(Debug, Clone)]
pub struct PackInfo {
    pub id: String,
    pub title: String,
    pub version: String,
    /// `builtin` or the file's path.
    pub origin: String,
    pub notes: Vec<String>,
}

/// A rule ready to evaluate: its definition (overrides applied), where it was defined, the
/// title of its source document, and its compiled check.
#[derive(Debug, Clone)]
pub struct CompiledRule {
    pub def: RuleDef,
    /// Id of the pack that defines the rule.
    pub pack: String,
    pub source_doc: SourceDoc,
    pub check: CompiledCheck,
    /// The file and YAML path of the definition, for diagnostics found later.
    pub origin: (Arc<YamlSource>, YamlPath),
}

/// The rules of one or several packs, with their inherited rules, in document order.
#[derive(Debug, Clone, Default)]
pub struct PackSet {
    pub packs: Vec<PackInfo>,
    pub rules: Vec<CompiledRule>,
    pub deadlines: BTreeMap<Phase, DateSpec>,
    pub lots: Option<Vec<LotDef>>,
}

impl PackSet {
    pub fn deadline_for(&self, phase: Phase) -> Option<&DateSpec> {
        self.deadlines.get(&phase)
    }
    pub fn rule(&self, id: &str) -> Option<&CompiledRule> {
        self.rules.iter().find(|r| r.def.id == id)
    }
}

#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum PackError {
    #[error("pack inconnu : « {spec} »")]
    #[diagnostic(help("{hint}"))]
    Unknown { spec: String, hint: String },
    #[error("impossible de lire le pack {path} : {cause}")]
    Unreadable { path: String, cause: String },
    #[error(transparent)]
    #[diagnostic(transparent)]
    Invalid(#[from] YamlProblems),
}

/// Largest pack file read: the built-in ones are under 100 KB.
pub const MAX_PACK_BYTES: u64 = 4 * 1024 * 1024;

/// Load the packs named by `specs` (built-in ids or paths, relative to `base_dir`).
pub fn load(specs: &[String], base_dir: &Path) -> Result<PackSet, PackError> {
    let mut loader = Loader::default();
    let mut loaded = Vec::new();
    for spec in specs {
        loaded.push(loader.load_spec(spec, base_dir, &mut Vec::new(), None)?);
    }
    loader.finish(loaded)
}

/// Parse one pack from its text, as if read from a file named `name` in the current folder
/// (its `extends` may name built-in packs). For tools that hold the text already (fuzzing).
pub fn parse(name: &str, text: &str) -> Result<PackSet, PackError> {
    let mut loader = Loader::default();
    let rules = loader.load_source(
        name.to_string(),
        text.to_string(),
        None,
        format!("text:{name}"),
        &mut Vec::new(),
    )?;
    loader.finish(vec![rules])
}

/// Rules that name other rules (a certificate's document, a selector's pieces) must name a
/// piece rule of the same set.
fn check_references(rules: &[CompiledRule], problems: &mut Vec<YamlProblem>) {
    let pieces: HashSet<&str> = rules
        .iter()
        .filter(|r| matches!(r.def.check, Check::Piece(_)))
        .map(|r| r.def.id.as_str())
        .collect();
    for r in rules {
        for (path, id) in r.def.check.piece_references() {
            if !pieces.contains(id.as_str()) {
                problems.push(r.origin.0.at_value(
                    &r.origin.1.key("check").join(&path),
                    format!("« {id} » n'est pas une règle de type piece de ce pack"),
                ));
            }
        }
    }
}

#[derive(Default)]
struct Loader {
    infos: Vec<PackInfo>,
    problems: Vec<YamlProblem>,
    deadlines: BTreeMap<Phase, DateSpec>,
    lots: Option<Vec<LotDef>>,
}

impl Loader {
    /// One rule set from the packs loaded, each a list of effective rules: a rule reached
    /// twice through the same pack is kept once, one defined by two packs is an error.
    fn finish(mut self, loaded: Vec<Vec<CompiledRule>>) -> Result<PackSet, PackError> {
        let mut all: Vec<CompiledRule> = Vec::new();
        for r in loaded.into_iter().flatten() {
            match all.iter().find(|x| x.def.id == r.def.id) {
                // The same rule reached twice (two packs extend `place`): keep one.
                Some(x) if x.pack == r.pack => {}
                Some(x) => self.problems.push(r.origin.0.at_value(
                    &r.origin.1.key("id"),
                    format!(
                        "la règle {} est déjà définie par le pack {}",
                        r.def.id, x.pack
                    ),
                )),
                None => all.push(r),
            }
        }
        check_references(&all, &mut self.problems);
        if !self.problems.is_empty() {
            return Err(YamlProblems::new("pack invalide", self.problems).into());
        }
        Ok(PackSet {
            packs: self.infos,
            rules: all,
            deadlines: self.deadlines,
            lots: self.lots,
        })
    }

    /// Load one pack and what it extends; returns its effective rules. `chain` holds the packs
    /// being loaded above this one, to catch `extends` cycles.
    fn load_spec(
        &mut self,
        spec: &str,
        base_dir: &Path,
        chain: &mut Vec<String>,
        from: Option<(&YamlSource, YamlPath)>,
    ) -> Result<Vec<CompiledRule>, PackError> {
        let (name, text, dir, key) = match builtin::find(spec) {
            Some((name, text)) => (
                name.to_string(),
                text.to_string(),
                None,
                format!("builtin:{spec}"),
            ),
            None => {
                let path = base_dir.join(spec);
                if !path.is_file() {
                    return match from {
                        Some((src, at)) => {
                            self.problems
                                .push(src.at_value(&at, format!("pack inconnu : « {spec} »")));
                            Ok(Vec::new())
                        }
                        None => Err(PackError::Unknown {
                            spec: spec.to_string(),
                            hint: unknown_hint(spec),
                        }),
                    };
                }
                let text = read_capped(&path)?;
                let canon = path.canonicalize().unwrap_or_else(|_| path.clone());
                let dir = path.parent().map(Path::to_path_buf);
                let shown = path
                    .strip_prefix(".")
                    .unwrap_or(&path)
                    .display()
                    .to_string();
                (shown, text, dir, canon.display().to_string())
            }
        };
        if chain.contains(&key) {
            if let Some((src, at)) = from {
                self.problems.push(
                    src.at_value(&at, format!("cycle d'extension : {spec} s'étend lui-même"))
                        .with_help("retirez cette entrée de `extends`"),
                );
            }
            return Ok(Vec::new());
        }
        self.load_source(name, text, dir, key, chain)
    }

    /// Load one pack's text (`key` identifies it in `chain`, to catch `extends` cycles).
    fn load_source(
        &mut self,
        name: String,
        text: String,
        dir: Option<PathBuf>,
        key: String,
        chain: &mut Vec<String>,
    ) -> Result<Vec<CompiledRule>, PackError> {
        chain.push(key);
        let source = Arc::new(YamlSource::new(name, text));
        let result = match serde_yaml::from_str::<PackFile>(&source.text) {
            Ok(file) => {
                let base = dir.unwrap_or_else(|| PathBuf::from("."));
                self.resolve(file, &source, &base, chain)
            }
            Err(e) => {
                self.problems.push(source.from_serde(&e));
                Ok(Vec::new())
            }
        };
        chain.pop();
        result
    }

    fn resolve(
        &mut self,
        file: PackFile,
        src: &Arc<YamlSource>,
        base_dir: &Path,
        chain: &mut Vec<String>,
    ) -> Result<Vec<CompiledRule>, PackError> {
        let mut rules = self.inherit(&file, src, base_dir, chain)?;
        self.keep_inherited(&file, src, &mut rules);
        self.apply_overrides(&file, src, &mut rules);
        self.add_own_rules(&file, src, &mut rules);
        self.record_pack(&file, src);
        Ok(rules)
    }

    /// The rules of the packs `file` extends, parents first, each id once.
    fn inherit(
        &mut self,
        file: &PackFile,
        src: &Arc<YamlSource>,
        base_dir: &Path,
        chain: &mut Vec<String>,
    ) -> Result<Vec<CompiledRule>, PackError> {
        let mut rules: Vec<CompiledRule> = Vec::new();
        for (i, parent) in file.extends.iter().enumerate() {
            let inherited = self.load_spec(
                parent,
                base_dir,
                chain,
                Some((src, YamlPath::from("extends").index(i))),
            )?;
            for r in inherited {
                if !rules.iter().any(|x| x.def.id == r.def.id) {
                    rules.push(r);
                }
            }
        }
        Ok(rules)
    }

    /// `only` and `except`: which inherited rules stay; an unknown id is a problem.
    fn keep_inherited(
        &mut self,
        file: &PackFile,
        src: &Arc<YamlSource>,
        rules: &mut Vec<CompiledRule>,
    ) {
        let known = |id: &str, rules: &[CompiledRule]| rules.iter().any(|r| r.def.id == id);
        if let Some(only) = &file.only {
            for (i, id) in only.iter().enumerate() {
                if !known(id, rules) {
                    self.problems.push(src.at_value(
                        &YamlPath::from("only").index(i),
                        format!("règle héritée inconnue : {id}"),
                    ));
                }
            }
            rules.retain(|r| only.contains(&r.def.id));
        }
        for (i, id) in file.except.iter().enumerate() {
            if !known(id, rules) {
                self.problems.push(src.at_value(
                    &YamlPath::from("except").index(i),
                    format!("règle héritée inconnue : {id}"),
                ));
            }
        }
        rules.retain(|r| !file.except.contains(&r.def.id));
    }

    /// `overrides`: field-by-field changes to inherited rules.
    fn apply_overrides(
        &mut self,
        file: &PackFile,
        src: &Arc<YamlSource>,
        rules: &mut [CompiledRule],
    ) {
        for (i, o) in file.overrides.iter().enumerate() {
            let Some(r) = rules.iter_mut().find(|r| r.def.id == o.id) else {
                self.problems.push(
                    src.at_value(
                        &YamlPath::from("overrides").index(i).key("id"),
                        format!("surcharge d'une règle inconnue : {}", o.id),
                    )
                    .with_help("une surcharge ne s'applique qu'à une règle héritée par `extends`"),
                );
                continue;
            };
            if let Some(s) = o.severity {
                r.def.severity = s;
            }
            if let Some(e) = o.enabled {
                r.def.enabled = e;
            }
            if let Some(p) = &o.phases {
                r.def.phases = Some(p.clone());
            }
            if let Some(h) = &o.help {
                r.def.help = h.clone();
            }
            if let Some(t) = &o.title {
                r.def.title = t.clone();
            }
        }
    }

    /// The pack's own rules, compiled; an id already taken is a problem.
    fn add_own_rules(
        &mut self,
        file: &PackFile,
        src: &Arc<YamlSource>,
        rules: &mut Vec<CompiledRule>,
    ) {
        let mut own_ids: HashSet<&str> = HashSet::new();
        for (i, def) in file.rules.iter().enumerate() {
            let at = YamlPath::from("rules").index(i);
            if rules.iter().any(|r| r.def.id == def.id) || !own_ids.insert(def.id.as_str()) {
                self.problems.push(src.at_value(
                    &at.key("id"),
                    format!("identifiant de règle en double : {}", def.id),
                ));
                continue;
            }
            if let Some(rule) = self.compile_rule(def, file, src, &at) {
                rules.push(rule);
            }
        }
    }

    /// What the pack says of the consultation: deadlines, lots, and the pack itself.
    fn record_pack(&mut self, file: &PackFile, src: &Arc<YamlSource>) {
        for (phase, raw) in &file.deadlines {
            match DateSpec::parse(raw) {
                Ok(d) => {
                    // Packs load parents first: the most specific pack's deadline wins.
                    self.deadlines.insert(*phase, d);
                }
                Err(e) => self
                    .problems
                    .push(src.at_value(&YamlPath::from("deadlines").key(phase.as_str()), e)),
            }
        }
        if file.lots.is_some() {
            // The most specific pack states the consultation's lots.
            self.lots = file.lots.clone();
        }
        if !self.infos.iter().any(|p| p.id == file.pack) {
            self.infos.push(PackInfo {
                id: file.pack.clone(),
                title: file.title.clone(),
                version: file.version.clone(),
                origin: if builtin::find(&file.pack).is_some() && src.name.starts_with("rules/") {
                    "builtin".to_string()
                } else {
                    src.name.clone()
                },
                notes: file.notes.clone(),
            });
        }
    }

    fn compile_rule(
        &mut self,
        def: &RuleDef,
        file: &PackFile,
        src: &Arc<YamlSource>,
        at: &YamlPath,
    ) -> Option<CompiledRule> {
        let mut ok = true;
        let mut problem = |path: &YamlPath, msg: String| {
            self.problems.push(src.at_value(&at.join(path), msg));
            ok = false;
        };
        if !is_rule_id(&def.id) {
            problem(
                &"id".into(),
                format!(
                    "identifiant « {} » : lettres majuscules, chiffres et tirets (CAIH-NOM-30)",
                    def.id
                ),
            );
        }
        let doc = file.sources.get(&def.source.doc).cloned();
        if doc.is_none() {
            let keys: Vec<&str> = file.sources.keys().map(String::as_str).collect();
            problem(
                &"source.doc".into(),
                format!(
                    "document source « {} » absent de `sources:` (connus : {})",
                    def.source.doc,
                    keys.join(", ")
                ),
            );
        }
        if def.source.quote.trim().is_empty() {
            problem(
                &"source.quote".into(),
                "la citation de la clause est vide".to_string(),
            );
        }
        if def.source.section.trim().is_empty() {
            problem(
                &"source.section".into(),
                "la section de la clause est vide".to_string(),
            );
        }
        if def.title.trim().is_empty() {
            problem(&"title".into(), "titre vide".to_string());
        }
        let check = match def.check.compile() {
            Ok(c) => Some(c),
            Err(errors) => {
                for e in errors {
                    problem(&YamlPath::from("check").join(&e.path), e.message);
                }
                None
            }
        };
        match (ok, check, doc) {
            (true, Some(check), Some(source_doc)) => Some(CompiledRule {
                def: def.clone(),
                pack: file.pack.clone(),
                source_doc,
                check,
                origin: (src.clone(), at.clone()),
            }),
            _ => None,
        }
    }
}

fn read_capped(path: &Path) -> Result<String, PackError> {
    let unreadable = |cause: String| PackError::Unreadable {
        path: path.display().to_string(),
        cause,
    };
    let len = std::fs::metadata(path)
        .map_err(|e| unreadable(e.to_string()))?
        .len();
    if len > MAX_PACK_BYTES {
        return Err(unreadable(format!(
            "{len} octets, au-delà de la limite de {MAX_PACK_BYTES} octets"
        )));
    }
    std::fs::read_to_string(path).map_err(|e| unreadable(e.to_string()))
}

fn unknown_hint(spec: &str) -> String {
    let ids = builtin::ids();
    let close = ids
        .iter()
        .map(|id| (strsim::jaro_winkler(spec, id), *id))
        .filter(|(s, _)| *s > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    match close {
        Some((_, id)) => format!(
            "vouliez-vous dire `{id}` ? Packs intégrés : {}",
            ids.join(", ")
        ),
        None => format!(
            "packs intégrés : {} ; ou le chemin d'un fichier YAML",
            ids.join(", ")
        ),
    }
}

/// `CAIH-NOM-30`: what scripts and waivers can rely on.
fn is_rule_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
        && !id.starts_with('-')
        && !id.ends_with('-')
}
