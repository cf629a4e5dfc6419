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
//! The child writes one line to stdout: [`MARKER`] followed by the JSON of its reply (the
//! facts, or a typed [`ReadFailure`]). Anything else a parser might print is ignored. A child
//! that dies without replying is classified by the parent from its exit status and limits.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use wait_timeout::ChildExt;

use super::failure::Stop;
use super::{DocFacts, DocFormat, ReadFailure};

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
    result: Result<DocFacts, ReadFailure>,
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
    pub fn read(&self, path: &Path, format: DocFormat) -> Result<DocFacts, ReadFailure> {
        let mut cmd = Command::new(&self.program);
        cmd.arg(SUBCOMMAND)
            .arg(format.as_str())
            .arg(path)
            .arg(self.limits.memory.to_string())
            .arg(self.limits.cpu_seconds().to_string())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let mut child = cmd.spawn().map_err(|e| ReadFailure::WorkerNotStarted {
            detail: e.to_string(),
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
                return Err(ReadFailure::Timeout {
                    seconds: self.limits.timeout.as_secs(),
                });
            }
            Err(e) => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(ReadFailure::WorkerLost {
                    detail: e.to_string(),
                });
            }
        };
        let out = stdout.map(join).unwrap_or_default();
        let err = stderr.map(join).unwrap_or_default();
        if status.success()
            && let Some(reply) = parse_reply(&out)
        {
            return reply.result;
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

/// A worker that died without replying: say why in words a bid manager can act on.
fn crash_cause(status: ExitStatus, stderr: &str, limits: Limits) -> ReadFailure {
    if let Some(abort) = abort_from_stderr(stderr) {
        return match abort {
            Abort::OutOfMemory => ReadFailure::OutOfMemory {
                limit_mb: limits.memory >> 20,
            },
            Abort::StackOverflow => ReadFailure::StackOverflow,
        };
    }
    let how = signal_of(status)
        .map(Stop::Signal)
        .or_else(|| status.code().map(Stop::Code))
        .unwrap_or(Stop::Unknown);
    ReadFailure::Crashed { how }
}

/// Why the Rust runtime aborted a child, when it did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Abort {
    OutOfMemory,
    StackOverflow,
}

/// The one place where the child's stderr is searched, because it is the only way to know:
/// an allocation refused under `RLIMIT_AS` and a stack overflow both end in the runtime's
/// `abort()` (SIGABRT, like any other abort) before any code of ours can reply, and the
/// runtime's message on stderr (« memory allocation of N bytes failed », « thread … has
/// overflowed its stack ») is all that tells them apart. Stable Rust offers no hook on
/// either (`set_alloc_error_hook` is unstable, the overflow handler is the runtime's).
fn abort_from_stderr(stderr: &str) -> Option<Abort> {
    if stderr.contains("memory allocation of") || stderr.contains("out of memory") {
        Some(Abort::OutOfMemory)
    } else if stderr.contains("overflowed its stack") {
        Some(Abort::StackOverflow)
    } else {
        None
    }
}

#[cfg(unix)]
fn signal_of(status: ExitStatus) -> Option<i32> {
    use std::os::unix::process::ExitStatusExt;
    status.signal()
}

#[cfg(not(unix))]
fn signal_of(_: ExitStatus) -> Option<i32> {
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

/// Why a worker could not do its job. The parent sees only the exit code (and, through
/// [`crash_cause`], classifies the document as crashed); `main` says the message on stderr.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// Started as a worker with arguments it cannot use.
    #[error("usage: bidlint {SUBCOMMAND} pdf|docx|odt|xlsx|ods PATH MEMORY_BYTES CPU_SECONDS")]
    Usage,
    #[error("limites du lecteur impossibles à poser : {0}")]
    Limits(std::io::Error),
    #[error("réponse impossible à écrire : {0}")]
    Reply(serde_json::Error),
    /// stdout closed before the reply was written: nothing to say, nobody to say it to.
    #[error("réponse non transmise : {0}")]
    Closed(std::io::Error),
}

impl ServeError {
    /// The worker's exit code: 2 for a usage error, 3 when the document was not answered.
    pub fn exit_code(&self) -> u8 {
        match self {
            ServeError::Usage => 2,
            ServeError::Limits(_) | ServeError::Reply(_) | ServeError::Closed(_) => 3,
        }
    }

    /// Whether `main` should write the message on stderr (today's behaviour: not when stdout
    /// was closed).
    pub fn is_said(&self) -> bool {
        !matches!(self, ServeError::Closed(_))
    }
}

/// The child's side. Called first thing in `main`: when the process was started as a worker,
/// read the document and write the reply to stdout (the worker's one output, read by the
/// parent); otherwise `None`.
pub fn serve_from_args() -> Option<Result<(), ServeError>> {
    let mut args = std::env::args_os().skip(1);
    if args.next()? != SUBCOMMAND {
        return None;
    }
    Some(serve(args))
}

fn serve(mut args: impl Iterator<Item = std::ffi::OsString>) -> Result<(), ServeError> {
    let format = args.next().and_then(|f| DocFormat::parse(f.to_str()?));
    let path = args.next().map(PathBuf::from);
    let mut number = || args.next().and_then(|n| n.to_str()?.parse::<u64>().ok());
    let (memory, cpu_seconds) = (number(), number());
    let (Some(format), Some(path), Some(memory), Some(cpu_seconds)) =
        (format, path, memory, cpu_seconds)
    else {
        return Err(ServeError::Usage);
    };
    limit_self(memory, cpu_seconds).map_err(ServeError::Limits)?;
    // Panics are turned into the reply below; the default hook would only add noise.
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(|| super::read(&path, format)).unwrap_or_else(|p| {
        Err(ReadFailure::Panicked {
            message: super::pdf::panic_message(p.as_ref()),
        })
    });
    let json = serde_json::to_string(&Reply { result }).map_err(ServeError::Reply)?;
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "\n{MARKER}{json}")
        .and_then(|_| stdout.flush())
        .map_err(ServeError::Closed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_runtime_s_abort_messages_are_recognised() {
        assert_eq!(
            abort_from_stderr("memory allocation of 1048576 bytes failed\n"),
            Some(Abort::OutOfMemory)
        );
        assert_eq!(
            abort_from_stderr("\nthread 'main' has overflowed its stack\nfatal runtime error"),
            Some(Abort::StackOverflow)
        );
        assert_eq!(abort_from_stderr("Segmentation fault"), None);
        assert_eq!(abort_from_stderr(""), None);
    }

    #[cfg(unix)]
    #[test]
    fn a_silent_death_is_classified_from_its_status_and_limits() {
        use std::os::unix::process::ExitStatusExt;
        let limits = Limits::default();
        // A raw wait status: low bits a signal number, or an exit code in the second byte.
        let killed = ExitStatus::from_raw(11);
        assert_eq!(
            crash_cause(killed, "", limits),
            ReadFailure::Crashed {
                how: Stop::Signal(11)
            }
        );
        let exited = ExitStatus::from_raw(3 << 8);
        assert_eq!(
            crash_cause(exited, "", limits),
            ReadFailure::Crashed { how: Stop::Code(3) }
        );
        assert_eq!(
            crash_cause(
                ExitStatus::from_raw(6),
                "memory allocation of 8 bytes failed",
                limits
            ),
            ReadFailure::OutOfMemory { limit_mb: 1024 }
        );
    }
}
