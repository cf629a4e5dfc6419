//! One document, read by a child process: the same binary started as
//! `bidlint __read-document FORMAT PATH MEMORY_BYTES CPU_SECONDS`. The parsers run there under
//! an address-space limit (`RLIMIT_AS`) and a wall-clock limit enforced by the parent, so that
//! a panic, a stack overflow, an endless loop or a decompression bomb ends that process — and
//! becomes that file's `error` with a cause in French — while the run goes on.
//!
//! The child sets its own resource limits, first thing, before it opens the document. Setting
//! them from the parent (`pre_exec`) would force a `fork` of the whole parent for every
//! document, whose cost grows with the parent's memory: on a 937-file bid that made the
//! system time grow seven-fold for four times the files. Without `pre_exec` the standard
//! library starts the child with `posix_spawn` (a `vfork`), at a constant cost.
//!
//! The child writes one line to stdout: [`MARKER`] followed by the JSON of its reply. Anything
//! else a parser might print is ignored.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use wait_timeout::ChildExt;

use super::{DocFacts, DocFormat};

/// The hidden subcommand the parent starts the child with.
pub const SUBCOMMAND: &str = "__read-document";
/// Starts the reply line on the child's stdout.
const MARKER: &str = "@@bidlint-document@@";
/// The most of the child's stdout kept: the facts' text is capped well below this.
const MAX_REPLY_BYTES: u64 = 4 * super::MAX_TEXT_BYTES as u64;
/// The most of the child's stderr kept, to explain a crash.
const MAX_STDERR_BYTES: u64 = 64 * 1024;

pub const DEFAULT_TIMEOUT_SECS: u64 = 30;
pub const DEFAULT_MEMORY_MB: u64 = 1024;

#[derive(Debug, Serialize, Deserialize)]
struct Reply {
    result: Result<DocFacts, String>,
}

/// Limits of one document's reading.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub timeout: Duration,
    /// Address-space limit of the worker, in bytes.
    pub memory: u64,
}

impl Limits {
    /// A CPU-time limit one second past the wall clock: should the parent die, an endless
    /// loop still ends.
    fn cpu_seconds(&self) -> u64 {
        self.timeout.as_secs().saturating_add(1)
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            timeout: Duration::from_secs(DEFAULT_TIMEOUT_SECS),
            memory: DEFAULT_MEMORY_MB * 1024 * 1024,
        }
    }
}

/// Why a document could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// In French, for the finding.
    pub cause: String,
    /// The same bytes always fail this way (a corrupt file), so the failure can be cached;
    /// a timeout or an exhausted memory limit depend on the limits and the machine.
    pub deterministic: bool,
}

impl Failure {
    fn transient(cause: String) -> Failure {
        Failure {
            cause,
            deterministic: false,
        }
    }
}

/// The parent's side: how to start a worker.
#[derive(Debug, Clone)]
pub struct Worker {
    program: PathBuf,
    limits: Limits,
}

impl Worker {
    /// Workers are this very executable.
    pub fn current(limits: Limits) -> std::io::Result<Worker> {
        Ok(Worker {
            program: std::env::current_exe()?,
            limits,
        })
    }

    pub fn with_program(program: PathBuf, limits: Limits) -> Worker {
        Worker { program, limits }
    }

    pub fn limits(&self) -> Limits {
        self.limits
    }

    /// Read `path` in a child process, within the limits.
    pub fn read(&self, path: &Path, format: DocFormat) -> Result<DocFacts, Failure> {
        let mut cmd = Command::new(&self.program);
        cmd.arg(SUBCOMMAND)
            .arg(format.as_str())
            .arg(path)
            .arg(self.limits.memory.to_string())
            .arg(self.limits.cpu_seconds().to_string())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().map_err(|e| {
            Failure::transient(format!("lecteur de documents impossible à lancer : {e}"))
        })?;
        // Drain both pipes while waiting, or a child writing more than a pipe holds would
        // block forever.
        let stdout = child.stdout.take().map(|s| drain(s, MAX_REPLY_BYTES));
        let stderr = child.stderr.take().map(|s| drain(s, MAX_STDERR_BYTES));
        let status = match child.wait_timeout(self.limits.timeout) {
            Ok(Some(status)) => status,
            Ok(None) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(Failure::transient(format!(
                    "lecture interrompue après {} s (structure sans fin ou document trop lourd ; \
                     limite réglable par --doc-timeout)",
                    self.limits.timeout.as_secs()
                )));
            }
            Err(e) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(Failure::transient(format!(
                    "lecteur de documents perdu : {e}"
                )));
            }
        };
        let out = stdout.map(join).unwrap_or_default();
        let err = stderr.map(join).unwrap_or_default();
        if status.success()
            && let Some(reply) = parse_reply(&out)
        {
            return reply.result.map_err(|cause| Failure {
                cause,
                deterministic: true,
            });
        }
        Err(crash_cause(
            status,
            &String::from_utf8_lossy(&err),
            self.limits,
        ))
    }
}

fn drain<R: Read + Send + 'static>(pipe: R, max: u64) -> std::thread::JoinHandle<Vec<u8>> {
    std::thread::spawn(move || {
        let mut buf = Vec::new();
        let mut limited = pipe.take(max);
        let _ = limited.read_to_end(&mut buf);
        // Keep reading (and dropping) so the child never blocks on a full pipe.
        let _ = std::io::copy(&mut limited.into_inner(), &mut std::io::sink());
        buf
    })
}

fn join(h: std::thread::JoinHandle<Vec<u8>>) -> Vec<u8> {
    h.join().unwrap_or_default()
}

fn parse_reply(out: &[u8]) -> Option<Reply> {
    let text = std::str::from_utf8(out).ok()?;
    let start = text.rfind(MARKER)? + MARKER.len();
    serde_json::from_str(text[start..].trim()).ok()
}

/// A worker that died: say why in words a bid manager can act on.
fn crash_cause(status: std::process::ExitStatus, stderr: &str, limits: Limits) -> Failure {
    if stderr.contains("memory allocation of") || stderr.contains("out of memory") {
        return Failure::transient(format!(
            "lecture abandonnée : le document demande plus de {} Mo de mémoire (bombe de \
             décompression ou document anormal ; limite réglable par --doc-memory)",
            limits.memory >> 20
        ));
    }
    if stderr.contains("overflowed its stack") {
        return Failure {
            cause: "lecture abandonnée : structure récursive sans fin (un objet du document \
                    se contient lui-même)"
                .to_string(),
            deterministic: true,
        };
    }
    let how = signal_of(status)
        .map(|s| format!("signal {s}"))
        .or_else(|| status.code().map(|c| format!("code {c}")))
        .unwrap_or_else(|| "cause inconnue".to_string());
    Failure::transient(format!(
        "le lecteur de documents s'est arrêté ({how}) : document probablement corrompu"
    ))
}

#[cfg(unix)]
fn signal_of(status: std::process::ExitStatus) -> Option<i32> {
    use std::os::unix::process::ExitStatusExt;
    status.signal()
}

#[cfg(not(unix))]
fn signal_of(_: std::process::ExitStatus) -> Option<i32> {
    None
}

/// The child's own limits, set before it reads anything.
#[cfg(unix)]
fn limit_self(memory: u64, cpu_seconds: u64) -> std::io::Result<()> {
    let set = |resource, value: u64| {
        let lim = libc::rlimit {
            rlim_cur: value as libc::rlim_t,
            rlim_max: value as libc::rlim_t,
        };
        // SAFETY: setrlimit reads the struct it is given and nothing else.
        if unsafe { libc::setrlimit(resource, &lim) } != 0 {
            return Err(std::io::Error::last_os_error());
        }
        Ok(())
    };
    set(libc::RLIMIT_AS, memory)?;
    set(libc::RLIMIT_CPU, cpu_seconds)?;
    // No core file for a crashing parser.
    set(libc::RLIMIT_CORE, 0)
}

#[cfg(not(unix))]
fn limit_self(_: u64, _: u64) -> std::io::Result<()> {
    Ok(())
}

/// The child's side. Called first thing in `main`: when the process was started as a worker,
/// read the document, write the reply and return the exit code; otherwise `None`.
pub fn serve_from_args() -> Option<std::process::ExitCode> {
    let mut args = std::env::args_os().skip(1);
    if args.next()? != SUBCOMMAND {
        return None;
    }
    let format = args.next().and_then(|f| DocFormat::parse(f.to_str()?));
    let path = args.next().map(PathBuf::from);
    let mut number = || args.next().and_then(|n| n.to_str()?.parse::<u64>().ok());
    let (memory, cpu_seconds) = (number(), number());
    let (Some(format), Some(path), Some(memory), Some(cpu_seconds)) =
        (format, path, memory, cpu_seconds)
    else {
        eprintln!(
            "usage: bidlint {SUBCOMMAND} pdf|docx|odt|xlsx|ods PATH MEMORY_BYTES CPU_SECONDS"
        );
        return Some(std::process::ExitCode::from(2));
    };
    if let Err(e) = limit_self(memory, cpu_seconds) {
        return Some(fail(&format!(
            "limites du lecteur impossibles à poser : {e}"
        )));
    }
    // Panics are turned into the reply below; the default hook would only add noise.
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(|| super::read(&path, format)).unwrap_or_else(|p| {
        Err(format!(
            "le lecteur de documents a échoué sur ce fichier ({})",
            super::pdf::panic_message(p.as_ref())
        ))
    });
    let json = match serde_json::to_string(&Reply { result }) {
        Ok(j) => j,
        Err(e) => return Some(fail(&format!("réponse impossible à écrire : {e}"))),
    };
    let mut stdout = std::io::stdout().lock();
    if writeln!(stdout, "\n{MARKER}{json}")
        .and_then(|_| stdout.flush())
        .is_err()
    {
        return Some(std::process::ExitCode::from(3));
    }
    Some(std::process::ExitCode::SUCCESS)
}

fn fail(msg: &str) -> std::process::ExitCode {
    eprintln!("{msg}");
    std::process::ExitCode::from(3)
}
