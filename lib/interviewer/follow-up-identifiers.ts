/**
 * Whether a follow-up a candidate sees can be answered from what they saw. An identifier it uses
 * (backticked names, snake_case, dotted names, called names) is unanswerable when the candidate
 * could only know it from the hidden reference answer: it occurs in the reference, but not in the
 * question's text, is not introduced by the follow-up itself (defined, assigned or described
 * there, or in its own code block), and is not a name every Python programmer knows (builtins,
 * keywords, standard-library modules and their public names, dunder methods, well-known libraries).
 * References to code the candidate never saw ("the code above", "the producer/consumer code")
 * without a code block of the follow-up's own are flagged too. Used by `bank:check` and by the
 * interviewer evaluation; linear-time regular expressions only.
 */

/** Python 3.11's builtins, keywords (soft ones too) and standard-library module names. */
const KNOWN_NAMES = new Set(
  (
    "ArithmeticError AssertionError AttributeError BaseException BaseExceptionGroup BlockingIOError " +
    "BrokenPipeError BufferError BytesWarning ChildProcessError ConnectionAbortedError ConnectionError " +
    "ConnectionRefusedError ConnectionResetError DeprecationWarning EOFError Ellipsis EncodingWarning " +
    "EnvironmentError Exception ExceptionGroup False FileExistsError FileNotFoundError FloatingPointError " +
    "FutureWarning GeneratorExit IOError ImportError ImportWarning IndentationError IndexError " +
    "InterruptedError IsADirectoryError KeyError KeyboardInterrupt LookupError MemoryError " +
    "ModuleNotFoundError NameError None NotADirectoryError NotImplemented NotImplementedError OSError " +
    "OverflowError PendingDeprecationWarning PermissionError ProcessLookupError RecursionError " +
    "ReferenceError ResourceWarning RuntimeError RuntimeWarning StopAsyncIteration StopIteration " +
    "SyntaxError SyntaxWarning SystemError SystemExit TabError TimeoutError True TypeError " +
    "UnboundLocalError UnicodeDecodeError UnicodeEncodeError UnicodeError UnicodeTranslateError " +
    "UnicodeWarning UserWarning ValueError Warning ZeroDivisionError _ abc abs aifc aiter all and anext " +
    "antigravity any argparse array as ascii assert ast async asynchat asyncio asyncore atexit audioop " +
    "await base64 bdb bin binascii bisect bool break breakpoint builtins bytearray bytes bz2 cProfile " +
    "calendar callable case cgi cgitb chr chunk class classmethod cmath cmd code codecs codeop " +
    "collections colorsys compile compileall complex concurrent configparser contextlib contextvars " +
    "continue copy copyreg copyright credits crypt csv ctypes curses dataclasses datetime dbm decimal def " +
    "del delattr dict difflib dir dis distutils divmod doctest elif else email encodings ensurepip enum " +
    "enumerate errno eval except exec exit faulthandler fcntl filecmp fileinput filter finally float " +
    "fnmatch for format fractions from frozenset ftplib functools gc genericpath getattr getopt getpass " +
    "gettext glob global globals graphlib grp gzip hasattr hash hashlib heapq help hex hmac html http id " +
    "idlelib if imaplib imghdr imp import importlib in input inspect int io ipaddress is isinstance " +
    "issubclass iter itertools json keyword lambda len lib2to3 license linecache list locale locals " +
    "logging lzma mailbox mailcap map marshal match math max memoryview mimetypes min mmap modulefinder " +
    "msilib msvcrt multiprocessing netrc next nis nntplib nonlocal not nt ntpath nturl2path numbers " +
    "object oct opcode open operator optparse or ord os ossaudiodev pass pathlib pdb pickle pickletools " +
    "pipes pkgutil platform plistlib poplib posix posixpath pow pprint print profile property pstats pty " +
    "pwd py_compile pyclbr pydoc pydoc_data pyexpat queue quit quopri raise random range re readline repr " +
    "reprlib resource return reversed rlcompleter round runpy sched secrets select selectors set setattr " +
    "shelve shlex shutil signal site slice smtpd smtplib sndhdr socket socketserver sorted spwd sqlite3 " +
    "sre_compile sre_constants sre_parse ssl stat staticmethod statistics str string stringprep struct " +
    "subprocess sum sunau super symtable sys sysconfig syslog tabnanny tarfile telnetlib tempfile termios " +
    "textwrap this threading time timeit tkinter token tokenize tomllib trace traceback tracemalloc try " +
    "tty tuple turtle turtledemo type types typing unicodedata unittest urllib uu uuid vars venv warnings " +
    "wave weakref webbrowser while winreg winsound with wsgiref xdrlib xml xmlrpc yield zip zipapp " +
    "zipfile zipimport zlib zoneinfo "
  ).split(" "),
);

/**
 * Public names of the standard-library modules and builtin types interview questions use (their
 * functions, classes, methods), and the best-known third-party libraries and their main names.
 */
const KNOWN_MEMBERS = new Set(
  (
    "A ABC ABCMeta ADDITEMS AF_ALG AF_APPLETALK AF_ASH AF_ATMPVC AF_ATMSVC AF_AX25 AF_BRIDGE AF_CAN " +
    "AF_DECnet AF_ECONET AF_INET AF_INET6 AF_IPX AF_IRDA AF_KEY AF_LLC AF_NETBEUI AF_NETLINK AF_NETROM " +
    "AF_PACKET AF_PPPOX AF_QIPCRTR AF_RDS AF_ROSE AF_ROUTE AF_SECURITY AF_SNA AF_TIPC AF_UNIX AF_UNSPEC " +
    "AF_VSOCK AF_WANPIPE AF_X25 AI_ADDRCONFIG AI_ALL AI_CANONNAME AI_NUMERICHOST AI_NUMERICSERV " +
    "AI_PASSIVE AI_V4MAPPED ALG_OP_DECRYPT ALG_OP_ENCRYPT ALG_OP_SIGN ALG_OP_VERIFY ALG_SET_AEAD_ASSOCLEN " +
    "ALG_SET_AEAD_AUTHSIZE ALG_SET_IV ALG_SET_KEY ALG_SET_OP ALG_SET_PUBKEY ALL_COMPLETED ANY APIRouter " +
    "APPEND APPENDS ASCII AbstractAsyncContextManager AbstractChildWatcher AbstractContextManager " +
    "AbstractEventLoop AbstractEventLoopPolicy AbstractServer AbstractSet AddressFamily AddressInfo " +
    "Annotated Any AnyStr ArgInfo Arguments Array AsyncContextDecorator AsyncContextManager " +
    "AsyncExitStack AsyncGenerator AsyncGeneratorType AsyncIterable AsyncIterator AsyncMagicMixin " +
    "AsyncMock AsyncMockMixin AsyncSession Attribute AuthenticationError Awaitable BASIC_FORMAT BINARY_OP " +
    "BINBYTES BINBYTES8 BINFLOAT BINGET BININT BININT1 BININT2 BINPERSID BINPUT BINSTRING BINUNICODE " +
    "BINUNICODE8 BPF BUILD BYTEARRAY8 BackgroundTasks Barrier Base BaseEventLoop BaseModel BaseProtocol " +
    "BaseTestSuite BaseTransport BasicContext Binary BinaryIO Blob BlockFinder BlockingIOError " +
    "BoundArguments BoundedSemaphore BrokenBarrierError BrokenExecutor BufferTooShort BufferedIOBase " +
    "BufferedProtocol BufferedRWPair BufferedRandom BufferedReader BufferedWriter BufferingFormatter " +
    "BuiltinFunctionType BuiltinMethodType ByteString Bytecode BytesIO CACHE CAN_BCM CAN_BCM_CAN_FD_FRAME " +
    "CAN_BCM_RX_ANNOUNCE_RESUME CAN_BCM_RX_CHANGED CAN_BCM_RX_CHECK_DLC CAN_BCM_RX_DELETE " +
    "CAN_BCM_RX_FILTER_ID CAN_BCM_RX_NO_AUTOTIMER CAN_BCM_RX_READ CAN_BCM_RX_RTR_FRAME CAN_BCM_RX_SETUP " +
    "CAN_BCM_RX_STATUS CAN_BCM_RX_TIMEOUT CAN_BCM_SETTIMER CAN_BCM_STARTTIMER CAN_BCM_TX_ANNOUNCE " +
    "CAN_BCM_TX_COUNTEVT CAN_BCM_TX_CP_CAN_ID CAN_BCM_TX_DELETE CAN_BCM_TX_EXPIRED CAN_BCM_TX_READ " +
    "CAN_BCM_TX_RESET_MULTI_IDX CAN_BCM_TX_SEND CAN_BCM_TX_SETUP CAN_BCM_TX_STATUS CAN_EFF_FLAG " +
    "CAN_EFF_MASK CAN_ERR_FLAG CAN_ERR_MASK CAN_ISOTP CAN_J1939 CAN_RAW CAN_RAW_FD_FRAMES CAN_RAW_FILTER " +
    "CAN_RAW_JOIN_FILTERS CAN_RAW_LOOPBACK CAN_RAW_RECV_OWN_MSGS CAN_RTR_FLAG CAN_SFF_MASK CAPI " +
    "CLD_CONTINUED CLD_DUMPED CLD_EXITED CLD_KILLED CLD_STOPPED CLD_TRAPPED CLOCK_BOOTTIME " +
    "CLOCK_MONOTONIC CLOCK_MONOTONIC_RAW CLOCK_PROCESS_CPUTIME_ID CLOCK_REALTIME CLOCK_TAI " +
    "CLOCK_THREAD_CPUTIME_ID CMSG_LEN CMSG_SPACE COMPILER_FLAG_NAMES CONFORM CONTINUOUS COPY_BUFSIZE " +
    "CORO_CLOSED CORO_CREATED CORO_RUNNING CORO_SUSPENDED CO_ASYNC_GENERATOR CO_COROUTINE CO_GENERATOR " +
    "CO_ITERABLE_COROUTINE CO_NESTED CO_NEWLOCALS CO_NOFREE CO_OPTIMIZED CO_VARARGS CO_VARKEYWORDS " +
    "CRITICAL CT_co Callable CallableMixin CallableProxyType CalledProcessError CancelledError Celery " +
    "CellType ChainMap Clamped ClassFoundException ClassMethodDescriptorType ClassVar ClosureVars " +
    "CodeType Collection CompletedProcess Concatenate Condition Connection Container Context " +
    "ContextDecorator ContextManager ConversionSyntax Coroutine CoroutineType Counter Cursor DEBUG " +
    "DEBUG_COLLECTABLE DEBUG_LEAK DEBUG_SAVEALL DEBUG_STATS DEBUG_UNCOLLECTABLE DEFAULT " +
    "DEFAULT_BUFFER_SIZE DEFAULT_PROTOCOL DELETE DEVNULL DICT DOTALL DUP DataError DatabaseError " +
    "DatagramProtocol DatagramTransport Date DateFromTicks Decimal DecimalException DecimalTuple " +
    "DefaultContext DefaultDict DefaultEventLoopPolicy Depends Deque Dict DirEntry DivisionByZero " +
    "DivisionImpossible DivisionUndefined DynamicClassAttribute EAGAIN EAI_ADDRFAMILY EAI_AGAIN " +
    "EAI_BADFLAGS EAI_FAIL EAI_FAMILY EAI_MEMORY EAI_NODATA EAI_NONAME EAI_OVERFLOW EAI_SERVICE " +
    "EAI_SOCKTYPE EAI_SYSTEM EBADF EFD_CLOEXEC EFD_NONBLOCK EFD_SEMAPHORE EJECT ELOOP EMPTY_DICT " +
    "EMPTY_LIST EMPTY_SET EMPTY_TUPLE ENOENT ENOTDIR ERROR EWOULDBLOCK EXCLUDED_ATTRIBUTES EXT1 EXT2 EXT4 " +
    "EXTENDED_ARG EX_CANTCREAT EX_CONFIG EX_DATAERR EX_IOERR EX_NOHOST EX_NOINPUT EX_NOPERM EX_NOUSER " +
    "EX_OK EX_OSERR EX_OSFILE EX_PROTOCOL EX_SOFTWARE EX_TEMPFAIL EX_UNAVAILABLE EX_USAGE EllipsisType " +
    "Empty EndOfBlock Enum EnumCheck EnumMeta EnumType Error Event ExceptHookArgs ExecError Executor " +
    "ExitStack ExtendedContext FALSE FATAL FILTER_DIR FIRST_COMPLETED FIRST_EXCEPTION FLOAT FORMAT_VALUE " +
    "FORMAT_VALUE_CONVERTERS FRAME FROZENSET F_LOCK F_OK F_TEST F_TLOCK F_ULOCK FastAPI FastChildWatcher " +
    "Field FileHandler FileIO Filter Filterer Final Flag FlagBoundary FloatOperation Formatter ForwardRef " +
    "Fraction FrameInfo FrameType FrozenInstanceError FrozenSet Full FullArgSpec FunctionProfile " +
    "FunctionTestCase FunctionType FunctionTypes Future GEN_CLOSED GEN_CREATED GEN_RUNNING GEN_SUSPENDED " +
    "GET GLOBAL GRND_NONBLOCK GRND_RANDOM Generator GeneratorType Generic GenericAlias " +
    "GetSetDescriptorType HAVE_ARGUMENT HAVE_CONTEXTVAR HAVE_THREADS HEAD HIGHEST_PROTOCOL HTTPException " +
    "Handle Handler Hashable I IGNORECASE INADDR_ALLHOSTS_GROUP INADDR_ANY INADDR_BROADCAST " +
    "INADDR_LOOPBACK INADDR_MAX_LOCAL_GROUP INADDR_NONE INADDR_UNSPEC_GROUP INFO INST INT IO IOBase " +
    "IOCTL_VM_SOCKETS_GET_LOCAL_CID IPPORT_RESERVED IPPORT_USERRESERVED IPPROTO_AH IPPROTO_DSTOPTS " +
    "IPPROTO_EGP IPPROTO_ESP IPPROTO_FRAGMENT IPPROTO_GRE IPPROTO_HOPOPTS IPPROTO_ICMP IPPROTO_ICMPV6 " +
    "IPPROTO_IDP IPPROTO_IGMP IPPROTO_IP IPPROTO_IPIP IPPROTO_IPV6 IPPROTO_MPTCP IPPROTO_NONE IPPROTO_PIM " +
    "IPPROTO_PUP IPPROTO_RAW IPPROTO_ROUTING IPPROTO_RSVP IPPROTO_SCTP IPPROTO_TCP IPPROTO_TP IPPROTO_UDP " +
    "IPPROTO_UDPLITE IPV6_CHECKSUM IPV6_DONTFRAG IPV6_DSTOPTS IPV6_HOPLIMIT IPV6_HOPOPTS IPV6_JOIN_GROUP " +
    "IPV6_LEAVE_GROUP IPV6_MULTICAST_HOPS IPV6_MULTICAST_IF IPV6_MULTICAST_LOOP IPV6_NEXTHOP IPV6_PATHMTU " +
    "IPV6_PKTINFO IPV6_RECVDSTOPTS IPV6_RECVHOPLIMIT IPV6_RECVHOPOPTS IPV6_RECVPATHMTU IPV6_RECVPKTINFO " +
    "IPV6_RECVRTHDR IPV6_RECVTCLASS IPV6_RTHDR IPV6_RTHDRDSTOPTS IPV6_RTHDR_TYPE_0 IPV6_TCLASS " +
    "IPV6_UNICAST_HOPS IPV6_V6ONLY IP_ADD_MEMBERSHIP IP_BIND_ADDRESS_NO_PORT IP_DEFAULT_MULTICAST_LOOP " +
    "IP_DEFAULT_MULTICAST_TTL IP_DROP_MEMBERSHIP IP_HDRINCL IP_MAX_MEMBERSHIPS IP_MULTICAST_IF " +
    "IP_MULTICAST_LOOP IP_MULTICAST_TTL IP_OPTIONS IP_RECVOPTS IP_RECVRETOPTS IP_RECVTOS IP_RETOPTS " +
    "IP_TOS IP_TRANSPARENT IP_TTL IncompleteReadError IncrementalNewlineDecoder Inexact InitVar " +
    "Instruction IntEnum IntFlag IntegrityError InterfaceError InternalError InvalidContext " +
    "InvalidOperation InvalidSpecError InvalidStateError IsolatedAsyncioTestCase ItemsView Iterable " +
    "Iterator J1939_EE_INFO_NONE J1939_EE_INFO_TX_ABORT J1939_FILTER_MAX J1939_IDLE_ADDR " +
    "J1939_MAX_UNICAST_ADDR J1939_NLA_BYTES_ACKED J1939_NLA_PAD J1939_NO_ADDR J1939_NO_NAME J1939_NO_PGN " +
    "J1939_PGN_ADDRESS_CLAIMED J1939_PGN_ADDRESS_COMMANDED J1939_PGN_MAX J1939_PGN_PDU1_MAX " +
    "J1939_PGN_REQUEST JSONDecodeError JSONDecoder JSONEncoder JUMP_BACKWARD JoinableQueue KEEP KT " +
    "KW_ONLY KeyedRef KeysView L LIST LOAD_CONST LOAD_GLOBAL LOCALE LOG4 LONG LONG1 LONG4 LONG_BINGET " +
    "LONG_BINPUT LambdaType LifoQueue LimitOverrunError LinearRegression List Literal LiteralString Lock " +
    "LogRecord Logger LoggerAdapter M MAKE_FUNCTION MAKE_FUNCTION_FLAGS MARK MAXYEAR MAX_EMAX MAX_PREC " +
    "MEMOIZE MFD_ALLOW_SEALING MFD_CLOEXEC MFD_HUGETLB MFD_HUGE_16GB MFD_HUGE_16MB MFD_HUGE_1GB " +
    "MFD_HUGE_1MB MFD_HUGE_256MB MFD_HUGE_2GB MFD_HUGE_2MB MFD_HUGE_32MB MFD_HUGE_512KB MFD_HUGE_512MB " +
    "MFD_HUGE_64KB MFD_HUGE_8MB MFD_HUGE_MASK MFD_HUGE_SHIFT MINYEAR MIN_EMIN MIN_ETINY MISSING " +
    "MSG_CMSG_CLOEXEC MSG_CONFIRM MSG_CTRUNC MSG_DONTROUTE MSG_DONTWAIT MSG_EOR MSG_ERRQUEUE MSG_FASTOPEN " +
    "MSG_MORE MSG_NOSIGNAL MSG_OOB MSG_PEEK MSG_TRUNC MSG_WAITALL MULTILINE MagicMixin MagicMock " +
    "MagicProxy Manager Mapping MappingProxyType MappingView Match MemberDescriptorType " +
    "MethodDescriptorType MethodType MethodWrapperType Mock ModuleType MsgFlag MultiLoopChildWatcher " +
    "MutableMapping MutableSequence MutableSet NAMED_FLAGS NETLINK_CRYPTO NETLINK_DNRTMSG " +
    "NETLINK_FIREWALL NETLINK_IP6_FW NETLINK_NFLOG NETLINK_ROUTE NETLINK_USERSOCK NETLINK_XFRM NEWFALSE " +
    "NEWOBJ NEWOBJ_EX NEWTRUE NEXT_BUFFER NGROUPS_MAX NI_DGRAM NI_MAXHOST NI_MAXSERV NI_NAMEREQD " +
    "NI_NOFQDN NI_NUMERICHOST NI_NUMERICSERV NOFLAG NONE NOTSET NV_MAGICCONST NamedTemporaryFile " +
    "NamedTuple NamedTupleMeta Never NewType NoReturn NonCallableMagicMock NonCallableMock NoneType " +
    "NormalDist NotImplementedType NotRequired NotSupportedError NullHandler OBJ OPTIONS O_ACCMODE " +
    "O_APPEND O_ASYNC O_CLOEXEC O_CREAT O_DIRECT O_DIRECTORY O_DSYNC O_EXCL O_FSYNC O_LARGEFILE O_NDELAY " +
    "O_NOATIME O_NOCTTY O_NOFOLLOW O_NONBLOCK O_PATH O_RDONLY O_RDWR O_RSYNC O_SYNC O_TMPFILE O_TRUNC " +
    "O_WRONLY OperationalError Optional OrderedDict Overflow PACKET_BROADCAST PACKET_FASTROUTE " +
    "PACKET_HOST PACKET_LOOPBACK PACKET_MULTICAST PACKET_OTHERHOST PACKET_OUTGOING PARSE_COLNAMES " +
    "PARSE_DECLTYPES PATCH PERSID PF_CAN PF_PACKET PF_RDS PIPE POP POP_MARK POSIX_FADV_DONTNEED " +
    "POSIX_FADV_NOREUSE POSIX_FADV_NORMAL POSIX_FADV_RANDOM POSIX_FADV_SEQUENTIAL POSIX_FADV_WILLNEED " +
    "POSIX_SPAWN_CLOSE POSIX_SPAWN_DUP2 POSIX_SPAWN_OPEN POST PRIO_PGRP PRIO_PROCESS PRIO_USER PROTO PUT " +
    "P_ALL P_NOWAIT P_NOWAITO P_PGID P_PID P_PIDFD P_WAIT ParamSpec ParamSpecArgs ParamSpecKwargs " +
    "Parameter Path PathLike Pattern PercentStyle PickleBuffer PickleError Pickler PicklingError " +
    "PidfdChildWatcher Pipe PlaceHolder Pool Popen Positions PosixPath PrepareProtocol PriorityQueue " +
    "Process ProcessError ProcessPoolExecutor Profile ProgrammingError PropertyMock Protocol ProxyType " +
    "ProxyTypes PurePath PurePosixPath PureWindowsPath PyStringMap Queue QueueEmpty QueueFull " +
    "READONLY_BUFFER RECIP_BPF REDUCE RLock ROUND_05UP ROUND_CEILING ROUND_DOWN ROUND_FLOOR " +
    "ROUND_HALF_DOWN ROUND_HALF_EVEN ROUND_HALF_UP ROUND_UP RTLD_DEEPBIND RTLD_GLOBAL RTLD_LAZY " +
    "RTLD_LOCAL RTLD_NODELETE RTLD_NOLOAD RTLD_NOW RWF_APPEND RWF_DSYNC RWF_HIPRI RWF_NOWAIT RWF_SYNC " +
    "R_OK Random RawArray RawIOBase RawValue ReadError ReadTransport ReferenceType RegexFlag " +
    "RegistryError ReprEnum Required Reversible RootLogger Rounded Row Runner S SCHED_BATCH SCHED_FIFO " +
    "SCHED_IDLE SCHED_OTHER SCHED_RESET_ON_FORK SCHED_RR SCM_CREDENTIALS SCM_J1939_DEST_ADDR " +
    "SCM_J1939_DEST_NAME SCM_J1939_ERRQUEUE SCM_J1939_PRIO SCM_RIGHTS SEEK_CUR SEEK_DATA SEEK_END " +
    "SEEK_HOLE SEEK_SET SETITEM SETITEMS SG_MAGICCONST SHORT_BINBYTES SHORT_BINSTRING SHORT_BINUNICODE " +
    "SHUT_RD SHUT_RDWR SHUT_WR SOCK_CLOEXEC SOCK_DGRAM SOCK_NONBLOCK SOCK_RAW SOCK_RDM SOCK_SEQPACKET " +
    "SOCK_STREAM SOL_ALG SOL_CAN_BASE SOL_CAN_RAW SOL_IP SOL_RDS SOL_SOCKET SOL_TCP SOL_TIPC SOL_UDP " +
    "SOMAXCONN SO_ACCEPTCONN SO_BINDTODEVICE SO_BROADCAST SO_DEBUG SO_DOMAIN SO_DONTROUTE SO_ERROR " +
    "SO_INCOMING_CPU SO_J1939_ERRQUEUE SO_J1939_FILTER SO_J1939_PROMISC SO_J1939_SEND_PRIO SO_KEEPALIVE " +
    "SO_LINGER SO_MARK SO_OOBINLINE SO_PASSCRED SO_PASSSEC SO_PEERCRED SO_PEERSEC SO_PRIORITY SO_PROTOCOL " +
    "SO_RCVBUF SO_RCVLOWAT SO_RCVTIMEO SO_REUSEADDR SO_REUSEPORT SO_SNDBUF SO_SNDLOWAT SO_SNDTIMEO " +
    "SO_TYPE SO_VM_SOCKETS_BUFFER_MAX_SIZE SO_VM_SOCKETS_BUFFER_MIN_SIZE SO_VM_SOCKETS_BUFFER_SIZE " +
    "SPLICE_F_MORE SPLICE_F_MOVE SPLICE_F_NONBLOCK SQLITE_ABORT SQLITE_ABORT_ROLLBACK SQLITE_ALTER_TABLE " +
    "SQLITE_ANALYZE SQLITE_ATTACH SQLITE_AUTH SQLITE_AUTH_USER SQLITE_BUSY SQLITE_BUSY_RECOVERY " +
    "SQLITE_BUSY_SNAPSHOT SQLITE_BUSY_TIMEOUT SQLITE_CANTOPEN SQLITE_CANTOPEN_CONVPATH " +
    "SQLITE_CANTOPEN_DIRTYWAL SQLITE_CANTOPEN_FULLPATH SQLITE_CANTOPEN_ISDIR SQLITE_CANTOPEN_NOTEMPDIR " +
    "SQLITE_CANTOPEN_SYMLINK SQLITE_CONSTRAINT SQLITE_CONSTRAINT_CHECK SQLITE_CONSTRAINT_COMMITHOOK " +
    "SQLITE_CONSTRAINT_FOREIGNKEY SQLITE_CONSTRAINT_FUNCTION SQLITE_CONSTRAINT_NOTNULL " +
    "SQLITE_CONSTRAINT_PINNED SQLITE_CONSTRAINT_PRIMARYKEY SQLITE_CONSTRAINT_ROWID " +
    "SQLITE_CONSTRAINT_TRIGGER SQLITE_CONSTRAINT_UNIQUE SQLITE_CONSTRAINT_VTAB SQLITE_CORRUPT " +
    "SQLITE_CORRUPT_INDEX SQLITE_CORRUPT_SEQUENCE SQLITE_CORRUPT_VTAB SQLITE_CREATE_INDEX " +
    "SQLITE_CREATE_TABLE SQLITE_CREATE_TEMP_INDEX SQLITE_CREATE_TEMP_TABLE SQLITE_CREATE_TEMP_TRIGGER " +
    "SQLITE_CREATE_TEMP_VIEW SQLITE_CREATE_TRIGGER SQLITE_CREATE_VIEW SQLITE_CREATE_VTABLE SQLITE_DELETE " +
    "SQLITE_DENY SQLITE_DETACH SQLITE_DONE SQLITE_DROP_INDEX SQLITE_DROP_TABLE SQLITE_DROP_TEMP_INDEX " +
    "SQLITE_DROP_TEMP_TABLE SQLITE_DROP_TEMP_TRIGGER SQLITE_DROP_TEMP_VIEW SQLITE_DROP_TRIGGER " +
    "SQLITE_DROP_VIEW SQLITE_DROP_VTABLE SQLITE_EMPTY SQLITE_ERROR SQLITE_ERROR_MISSING_COLLSEQ " +
    "SQLITE_ERROR_RETRY SQLITE_ERROR_SNAPSHOT SQLITE_FORMAT SQLITE_FULL SQLITE_FUNCTION SQLITE_IGNORE " +
    "SQLITE_INSERT SQLITE_INTERNAL SQLITE_INTERRUPT SQLITE_IOERR SQLITE_IOERR_ACCESS SQLITE_IOERR_AUTH " +
    "SQLITE_IOERR_BEGIN_ATOMIC SQLITE_IOERR_BLOCKED SQLITE_IOERR_CHECKRESERVEDLOCK SQLITE_IOERR_CLOSE " +
    "SQLITE_IOERR_COMMIT_ATOMIC SQLITE_IOERR_CONVPATH SQLITE_IOERR_CORRUPTFS SQLITE_IOERR_DATA " +
    "SQLITE_IOERR_DELETE SQLITE_IOERR_DELETE_NOENT SQLITE_IOERR_DIR_CLOSE SQLITE_IOERR_DIR_FSYNC " +
    "SQLITE_IOERR_FSTAT SQLITE_IOERR_FSYNC SQLITE_IOERR_GETTEMPPATH SQLITE_IOERR_LOCK SQLITE_IOERR_MMAP " +
    "SQLITE_IOERR_NOMEM SQLITE_IOERR_RDLOCK SQLITE_IOERR_READ SQLITE_IOERR_ROLLBACK_ATOMIC " +
    "SQLITE_IOERR_SEEK SQLITE_IOERR_SHMLOCK SQLITE_IOERR_SHMMAP SQLITE_IOERR_SHMOPEN SQLITE_IOERR_SHMSIZE " +
    "SQLITE_IOERR_SHORT_READ SQLITE_IOERR_TRUNCATE SQLITE_IOERR_UNLOCK SQLITE_IOERR_VNODE " +
    "SQLITE_IOERR_WRITE SQLITE_LIMIT_ATTACHED SQLITE_LIMIT_COLUMN SQLITE_LIMIT_COMPOUND_SELECT " +
    "SQLITE_LIMIT_EXPR_DEPTH SQLITE_LIMIT_FUNCTION_ARG SQLITE_LIMIT_LENGTH " +
    "SQLITE_LIMIT_LIKE_PATTERN_LENGTH SQLITE_LIMIT_SQL_LENGTH SQLITE_LIMIT_TRIGGER_DEPTH " +
    "SQLITE_LIMIT_VARIABLE_NUMBER SQLITE_LIMIT_VDBE_OP SQLITE_LIMIT_WORKER_THREADS SQLITE_LOCKED " +
    "SQLITE_LOCKED_SHAREDCACHE SQLITE_LOCKED_VTAB SQLITE_MISMATCH SQLITE_MISUSE SQLITE_NOLFS SQLITE_NOMEM " +
    "SQLITE_NOTADB SQLITE_NOTFOUND SQLITE_NOTICE SQLITE_NOTICE_RECOVER_ROLLBACK SQLITE_NOTICE_RECOVER_WAL " +
    "SQLITE_OK SQLITE_OK_LOAD_PERMANENTLY SQLITE_OK_SYMLINK SQLITE_PERM SQLITE_PRAGMA SQLITE_PROTOCOL " +
    "SQLITE_RANGE SQLITE_READ SQLITE_READONLY SQLITE_READONLY_CANTINIT SQLITE_READONLY_CANTLOCK " +
    "SQLITE_READONLY_DBMOVED SQLITE_READONLY_DIRECTORY SQLITE_READONLY_RECOVERY SQLITE_READONLY_ROLLBACK " +
    "SQLITE_RECURSIVE SQLITE_REINDEX SQLITE_ROW SQLITE_SAVEPOINT SQLITE_SCHEMA SQLITE_SELECT " +
    "SQLITE_TOOBIG SQLITE_TRANSACTION SQLITE_UPDATE SQLITE_WARNING SQLITE_WARNING_AUTOINDEX STACK_GLOBAL " +
    "STDOUT STOP STRICT STRING ST_APPEND ST_MANDLOCK ST_NOATIME ST_NODEV ST_NODIRATIME ST_NOEXEC " +
    "ST_NOSUID ST_RDONLY ST_RELATIME ST_SYNCHRONOUS ST_WRITE SUBDEBUG SUBWARNING S_ISBLK S_ISCHR S_ISDIR " +
    "S_ISFIFO S_ISLNK S_ISREG S_ISSOCK SafeChildWatcher SameFileError Scanner SelectorEventLoop Self " +
    "Semaphore SendfileNotAvailableError Sequence Server Set Signature SimpleNamespace SimpleQueue Sized " +
    "SkipTest SocketIO SocketKind SocketType SortKey SpecialFileError SpooledTemporaryFile " +
    "StatisticsError Stats StatsProfile StrEnum StrFormatStyle StreamHandler StreamReader " +
    "StreamReaderProtocol StreamWriter StringIO StringTemplateStyle Subnormal SubprocessError " +
    "SubprocessProtocol SubprocessTransport SupportsAbs SupportsBytes SupportsComplex SupportsFloat " +
    "SupportsIndex SupportsInt SupportsRound SystemRandom T TCP_CONGESTION TCP_CORK TCP_DEFER_ACCEPT " +
    "TCP_FASTOPEN TCP_INFO TCP_KEEPCNT TCP_KEEPIDLE TCP_KEEPINTVL TCP_LINGER2 TCP_MAXSEG TCP_NODELAY " +
    "TCP_NOTSENT_LOWAT TCP_QUICKACK TCP_SYNCNT TCP_USER_TIMEOUT TCP_WINDOW_CLAMP TEMPLATE TIMEOUT_MAX " +
    "TIPC_ADDR_ID TIPC_ADDR_NAME TIPC_ADDR_NAMESEQ TIPC_CFG_SRV TIPC_CLUSTER_SCOPE TIPC_CONN_TIMEOUT " +
    "TIPC_CRITICAL_IMPORTANCE TIPC_DEST_DROPPABLE TIPC_HIGH_IMPORTANCE TIPC_IMPORTANCE " +
    "TIPC_LOW_IMPORTANCE TIPC_MEDIUM_IMPORTANCE TIPC_NODE_SCOPE TIPC_PUBLISHED TIPC_SRC_DROPPABLE " +
    "TIPC_SUBSCR_TIMEOUT TIPC_SUB_CANCEL TIPC_SUB_PORTS TIPC_SUB_SERVICE TIPC_TOP_SRV TIPC_WAIT_FOREVER " +
    "TIPC_WITHDRAWN TIPC_ZONE_SCOPE TMP_MAX TPFLAGS_IS_ABSTRACT TRUE TUPLE TUPLE1 TUPLE2 TUPLE3 TWOPI " +
    "TYPE_CHECKING T_co T_contra Task TaskGroup Template TemporaryDirectory TemporaryFile TestCase " +
    "TestLoader TestProgram TestResult TestSuite Text TextIO TextIOBase TextIOWrapper TextTestResult " +
    "TextTestRunner Thread ThreadError ThreadPoolExecutor ThreadedChildWatcher Time TimeFromTicks Timeout " +
    "TimeoutError TimeoutExpired Timer TimerHandle Timestamp TimestampFromTicks Traceback TracebackType " +
    "Transport Tuple TupleComp Type TypeAlias TypeGuard TypeVar TypeVarTuple TypedDict U " +
    "UDPLITE_RECV_CSCOV UDPLITE_SEND_CSCOV UNICODE UNIQUE UNKNOWN UTC Underflow Union UnionType Unpack " +
    "Unpickler UnpicklingError UnsupportedOperation UserDict UserList UserString VERBOSE VMADDR_CID_ANY " +
    "VMADDR_CID_HOST VMADDR_PORT_ANY VM_SOCKETS_INVALID_VERSION VT VT_co V_co Value ValuesView WARN " +
    "WARNING WCONTINUED WCOREDUMP WEXITED WEXITSTATUS WIFCONTINUED WIFEXITED WIFSIGNALED WIFSTOPPED " +
    "WNOHANG WNOWAIT WRAPPER_ASSIGNMENTS WRAPPER_UPDATES WSTOPPED WSTOPSIG WTERMSIG WUNTRACED W_OK " +
    "Warning WeakKeyDictionary WeakMethod WeakSet WeakValueDictionary WindowsPath WrapperDescriptorType " +
    "WriteTransport X XATTR_CREATE XATTR_REPLACE XATTR_SIZE_MAX X_OK abc abiflags abort abs absolute " +
    "abstractclassmethod abstractmethod abstractproperty abstractstaticmethod access accumulate aclosing " +
    "acos acosh activeCount active_children active_count adapt adapters add addFilter addHandler " +
    "addLevelName addModuleCleanup add_callers add_done_callback add_func_stats add_reader " +
    "add_signal_handler add_writer addaudithook aiohttp aiosqlite alembic all_tasks " +
    "allow_connection_pickling altsep altzone anchor and_ anyio api_version apilevel append appendleft " +
    "argv arq array as_completed as_integer_ratio as_posix as_uri ascii_letters ascii_lowercase " +
    "ascii_uppercase asctime asdict asin asinh assert_never assert_type ast astimezone astuple " +
    "asynccontextmanager asyncio asyncpg atan atan2 atanh atexit attrgetter attrs audit auto base_events " +
    "base_exec_prefix base_futures base_prefix base_subprocess base_tasks basicConfig betavariate bin " +
    "bisect bisect_left bisect_right bit_count bit_length black bltns boto3 breakpointhook " +
    "builtin_module_names builtins byteorder bytes_types cache cached_property call callHandlers call_at " +
    "call_exception_handler call_later call_soon call_soon_threadsafe call_tracing callbacks cancel " +
    "cancelled cancelling capitalize captureWarnings capwords case casefold cast cbrt ceil celery center " +
    "chain chdir check_call check_output chmod choice choices chown chroot classify_class_attrs cleandoc " +
    "clear clear_overloads clock_getres clock_gettime clock_gettime_ns clock_settime clock_settime_ns " +
    "close closerange closing cmp_op cmp_to_key code_info codecs collect collections comb combinations " +
    "combinations_with_replacement combine compatible_formats compile complete_statement compress concat " +
    "conda confstr confstr_names conjugate connect connect_accepted_socket connect_read_pipe " +
    "connect_write_pipe constants contains context contextlib contextmanager converters copy copy2 " +
    "copy_file_range copyfile copyfileobj copymode copyreg copyright copysign copystat copytree coroutine " +
    "coroutines correlation cos cosh count countOf count_calls covariance cpu_count create_autospec " +
    "create_connection create_datagram_endpoint create_future create_server create_subprocess_exec " +
    "create_subprocess_shell create_task create_unix_connection create_unix_server critical ctermid ctime " +
    "curdir currentThread current_process current_task current_thread currentframe cwd cycle cython " +
    "daemon dataclass dataclass_transform date datetime datetime_CAPI day daylight dbapi2 debug decode " +
    "decode_long decoder deepcopy defaultTestLoader default_exception_handler default_number " +
    "default_repeat default_timer defaultdict defpath degrees delete delitem denominator deoptmap deque " +
    "detect_encoding device_encoding devnull difference difference_update digits dis disable disassemble " +
    "discard disco disk_usage dispatch_table displayhook dist distb django doModuleCleanups done " +
    "dont_write_bytecode drive dropwhile dst dummy_src_name dump dumps dup dup2 e elements empty enable " +
    "enable_callback_tracebacks enable_shared_cache encode encode_long encoder endswith ensure_future " +
    "enterModuleContext enum enumerate environ environb eq erf erfc errno error escape eventfd " +
    "eventfd_read eventfd_write events exc_info excepthook exception exceptions exec_prefix execl execle " +
    "execlp execlpe executable execv execve execvp execvpe exists exit exp exp2 expandtabs expanduser " +
    "expectedFailure expm1 expovariate extend extendleft extsep f8 fabs factorial fastapi fatal fchdir " +
    "fchmod fchown fcntl fdatasync fdopen field field_validator fields file_spec filter filterfalse final " +
    "finalize find findCaller findTestCases find_loader findall finditer findlabels findlinestarts " +
    "findsource fixture flags flask float_info float_repr_style floor floordiv fmean fmod fnmatch fold " +
    "fork forkpty format format_helpers format_map format_version formatannotation " +
    "formatannotationrelativeto formatargvalues fpathconf freeze freeze_support frexp from_bytes fromfd " +
    "fromhex fromisocalendar fromisoformat fromkeys fromordinal fromtimestamp fsdecode fsencode fspath " +
    "fstat fstatvfs fsum fsync ftruncate full fullmatch func_get_function_name func_std_string " +
    "func_strip_path functools futures fwalk gaierror gamma gammavariate garbage gather gauss gc gcd ge " +
    "geometric_mean get getChild getEffectiveLevel getLevelName getLevelNamesMapping getLogRecordFactory " +
    "getLogger getLoggerClass getName getTestCaseNames get_all_start_methods get_annotations " +
    "get_archive_formats get_args get_asyncgen_hooks get_blocking get_cache_token get_child_watcher " +
    "get_clock_info get_context get_coro get_coroutine_origin_tracking_depth get_count get_debug " +
    "get_event_loop get_event_loop_policy get_exception_handler get_exec_path get_freeze_count get_ident " +
    "get_inheritable get_instructions get_int_max_str_digits get_logger get_loop get_name get_native_id " +
    "get_nowait get_objects get_origin get_overloads get_referents get_referrers get_running_loop " +
    "get_stack get_start_method get_stats get_task_factory get_terminal_size get_threshold get_type_hints " +
    "get_unpack_formats getabsfile getaddrinfo getallocatedblocks getargs getargvalues getattr_static " +
    "getblock getcallargs getclasstree getclosurevars getcomments getcontext getcoroutinelocals " +
    "getcoroutinestate getcwd getcwdb getdefaultencoding getdefaulttimeout getdlopenflags getdoc getegid " +
    "getenv getenvb geteuid getfile getfilesystemencodeerrors getfilesystemencoding getfqdn getframeinfo " +
    "getfullargspec getgeneratorlocals getgeneratorstate getgid getgrouplist getgroups gethostbyaddr " +
    "gethostbyname gethostbyname_ex gethostname getinnerframes getitem getlineno getloadavg getlogin " +
    "getmembers getmembers_static getmodule getmodulename getmro getnameinfo getouterframes getoutput " +
    "getpgid getpgrp getpid getppid getpriority getprofile getprotobyname getrandbits getrandom " +
    "getrecursionlimit getrefcount getresgid getresuid getservbyname getservbyport getsid getsizeof " +
    "getsource getsourcefile getsourcelines getstate getstatusoutput getswitchinterval gettempdir " +
    "gettempdirb gettempprefix gettempprefixb gettrace getuid getweakrefcount getweakrefs getxattr glob " +
    "global_enum global_enum_repr global_flag_repr global_str gmtime group groupby gt handle hardlink_to " +
    "harmonic_mean hasHandlers has_dualstack_ipv6 has_ipv6 hascompare hasconst hasfree hash_info hasjabs " +
    "hasjrel haslocal hasname hasnargs head heapify heappop heappush heappushpop heapreplace herror hex " +
    "hexdigits hexversion home hour htonl htons httpx hypot iadd iand iconcat ident if_indextoname " +
    "if_nameindex if_nametoindex ifloordiv ignore_patterns ilshift imag imatmul imod implementation " +
    "import_module importlib imul indentsize index indexOf inet_aton inet_ntoa inet_ntop inet_pton inf " +
    "info initgroups inplace insert insort insort_left insort_right inspect installHandler int_info " +
    "intern intersection intersection_update inv invalidate_caches invert io ior ipow irshift isDaemon " +
    "isEnabledFor is_ is_absolute is_alive is_block_device is_char_device is_closed is_dataclass is_dir " +
    "is_fifo is_file is_finalized is_finalizing is_integer is_mount is_not is_relative_to is_reserved " +
    "is_running is_socket is_symlink is_tracked is_typeddict isabstract isalnum isalpha isascii " +
    "isasyncgen isasyncgenfunction isatty isawaitable isbuiltin isclass isclose iscode iscoroutine " +
    "iscoroutinefunction isdatadescriptor isdecimal isdigit isdisjoint isenabled isfinite isframe " +
    "isfunction isfuture isgenerator isgeneratorfunction isgetsetdescriptor isidentifier isinf iskeyword " +
    "islice islower ismemberdescriptor ismethod ismethoddescriptor ismethodwrapper ismodule isnan " +
    "isnumeric isocalendar isoformat isoweekday isprintable isqrt isroutine isspace issubset issuperset " +
    "istitle istraceback isub isupper itemgetter items iterdir itertools itruediv ixor jinja2 join " +
    "joinedload joinpath keys keyword kill killpg label lastResort lchmod lchown lcm ldexp le length_hint " +
    "lgamma linear_regression linecache linesep link link_to list2cmdline listdir listxattr ljust load " +
    "load_tests loader loads local localcontext locale localhost localtime lockf locks log log10 log1p " +
    "log2 logMultiprocessing logProcesses logThreads log_to_stderr login_tty lognormvariate loguru lower " +
    "lru_cache lseek lshift lstat lstrip lt machinery magic_methods main main_thread major makeLogRecord " +
    "makeRecord makeSuite make_archive make_dataclass makedev makedirs maketrans manager mark marshal " +
    "marshmallow match math matmul max maxlen maxsize maxunicode mean median median_grouped median_high " +
    "median_low member memfd_create merge meta_path methodcaller microsecond min minor minute mixins " +
    "mkdir mkdtemp mkfifo mknod mkstemp mktemp mktime mock mock_open mod mode model_validator modf " +
    "modules modulesbyfile monkeypatch monotonic monotonic_ns month most_common move mro mul multimode " +
    "mypy name namedtuple nan native_id ne neg new_class new_event_loop nextafter nice nlargest " +
    "no_type_check no_type_check_decorator nonmember normalvariate not_ now np nsmallest nt ntohl ntohs " +
    "ntpath nullcontext numba numbers numerator numerics numpy octdigits open open_code open_connection " +
    "open_spec open_unix_connection openpty operator opmap opname options or_ orig_argv orjson os " +
    "overload owner pack pairwise pandas parametrize paramstyle pardir parent parent_process parents " +
    "paretovariate partial partialmethod partition parts patch path path_hooks path_importer_cache " +
    "pathconf pathconf_names pathsep pd perf_counter perf_counter_ns perm permutations pi " +
    "pickle_by_enum_name pickle_by_global_name pidfd_open pip pipe pipe2 pipx pkgutil platform platlibdir " +
    "poetry pop popen popitem popleft pos posix posix_fadvise posix_fallocate posix_spawn posix_spawnp " +
    "posixpath post pow pprint pread preadv prefix prepare_class pretty_flags print_stack printable " +
    "process process_time process_time_ns prod product property protocols proxy pstdev psycopg " +
    "pthread_getcpuclockid punctuation purge put put_nowait putenv pvariance pwrite pwritev " +
    "pycache_prefix pydantic pyproject pyright pytest pytest_asyncio qsize quantiles queues radians " +
    "raiseExceptions randbytes randint random randrange re read read_bytes read_text readers readlink " +
    "readv real recursive_repr recv_fds redirect_stderr redirect_stdout redis reduce reducer reduction " +
    "ref registerResult register_adapter register_archive_format register_at_fork register_converter " +
    "register_unpack_format reindent relationship relative_to reload remainder remove removeFilter " +
    "removeHandler removeResult remove_done_callback remove_reader remove_signal_handler remove_writer " +
    "removedirs removeprefix removesuffix removexattr rename renames repeat replace requests resolution " +
    "resolve resolve_bases resources result reveal_type reverse rfind rglob right rindex rjust rmdir " +
    "rmtree root rotate rpartition rshift rsplit rstrip ruff run run_coroutine_threadsafe run_forever " +
    "run_in_executor run_until_complete runctx runner runners runtime_checkable safe_repr samefile sample " +
    "scandir scanner sched_get_priority_max sched_get_priority_min sched_getaffinity sched_getparam " +
    "sched_getscheduler sched_param sched_rr_get_interval sched_setaffinity sched_setparam " +
    "sched_setscheduler sched_yield seal search second seed select selectinload selector_events selectors " +
    "send_fds sendfile sentinel sep setDaemon setLevel setLogRecordFactory setLoggerClass setName " +
    "set_asyncgen_hooks set_blocking set_child_watcher set_coroutine_origin_tracking_depth set_debug " +
    "set_default_executor set_event_loop set_event_loop_policy set_exception set_exception_handler " +
    "set_executable set_forkserver_preload set_inheritable set_int_max_str_digits set_name set_result " +
    "set_start_method set_task_factory set_threshold setcontext setdefault setdefaulttimeout " +
    "setdlopenflags setegid seteuid setgid setgroups sethostname setitem setpgid setpgrp setpriority " +
    "setprofile setrecursionlimit setregid setresgid setresuid setreuid setsid setstate setswitchinterval " +
    "settrace setuid setuptools setxattr shield show_code show_flag_values shuffle shutdown " +
    "shutdown_asyncgens shutdown_default_executor signal signals signature sin singledispatch " +
    "singledispatchmethod sinh skip skipIf skipUnless sleep sock_accept sock_connect sock_recv " +
    "sock_recv_into sock_recvfrom sock_recvfrom_into sock_sendall sock_sendfile sock_sendto socket " +
    "socketpair sort spawnl spawnle spawnlp spawnlpe spawnv spawnve spawnvp spawnvpe spec_op specialized " +
    "splice split splitlines sqlalchemy sqlite sqlite_version sqlite_version_info sqrt sslproto st stack " +
    "stack_effect stack_size staggered starlette starmap start start_server start_tls start_unix_server " +
    "startswith stat stat_result statvfs statvfs_result stderr stdev stdin stdlib_module_names stdlib_re " +
    "stdout stem stop streams strerror strftime strip strptime struct_time structlog sub subn subprocess " +
    "subprocess_exec subprocess_shell subtract suffix suffixes suite supports_bytes_environ " +
    "supports_dir_fd supports_effective_ids supports_fd supports_follow_symlinks suppress swapcase " +
    "symlink symlink_to symmetric_difference symmetric_difference_update sync sys sysconf sysconf_names " +
    "system takewhile tan tanh task_done taskgroups tasks tau tcgetpgrp tcsetpgrp tee tempdir template " +
    "terminal_size text_encoding thread_info thread_time thread_time_ns threading threads threadsafety " +
    "time time_ns timedelta timeit timeout timeout_at timeouts times times_result timestamp timetuple " +
    "timetz timezone title to_bytes to_thread today token tokenize toordinal total total_ordering touch " +
    "trace traceback translate transports triangular trio trsock truediv trunc truncate truth ttyname " +
    "types tzinfo tzname tzset ujson ulp umask uname uname_result uncancel unfreeze uniform union unique " +
    "unix_events unlink unpack unpack_archive unraisablehook unregister_archive_format " +
    "unregister_unpack_format unsetenv unwrap update update_abstractmethods update_wrapper upper urandom " +
    "urlquote_from_bytes utcfromtimestamp utcnow utcoffset utctimetuple util utime uv uvicorn uvloop " +
    "validator values variance venv verify version version_info vonmisesvariate wait wait3 wait4 wait_for " +
    "waitid waitid_result waitpid waitstatus_to_exitcode walk walktree warn warning warnings warnoptions " +
    "weakref weekday weibullvariate wheel which whichmodule whitespace with_name with_stem with_suffix " +
    "wrap_future wraps write write_bytes write_text writev xor year zfill zip_longest "
  ).split(" "),
);

/** Names that mean the same thing in every codebase. */
const CONVENTIONAL_NAMES = new Set(
  (
    "self cls args kwargs logger log env app obj value values key method func foo bar baz spam eggs data items item result " +
    "name names numbers nums path url text line lines"
  ).split(" "),
);

export type UnanswerableIdentifier = { identifier: string; reason: "unknown-name" | "unseen-code" };

const UNSEEN_CODE =
  /\b(?:(?:the|this) (?:[a-z/-]{1,30} )?(?:code|snippet|example|function|class|program|loop|decorator|factory|generator) (?:above|below|earlier)|(?:above|earlier|previous) (?:code|snippet|example)|the [a-z/-]+ code\b(?! like| such| that| where| which))/i;

/** Inline code without its string literals, call arguments and file or URL paths: the names it is about. */
function codeNames(code: string): string[] {
  let text = code.replace(/"[^"\n]*"|'[^'\n]*'/g, " ");
  let depth = 0;
  let top = "";
  for (const c of text) {
    if (c === "(" || c === "[" || c === "{") depth += 1;
    if (depth === 0) top += c;
    if ((c === ")" || c === "]" || c === "}") && depth > 0) depth -= 1;
  }
  text = top.replace(/(?:^|\s)\/[^\s]*/g, " ").replace(/\b[\w.-]*\.(?:py|json|toml|env|txt|cfg|ini|yaml|yml|lock)\b/g, " ");
  if (/^\s*(?:pip|uv|python|poetry|npm|pytest)\b/.test(text)) return [];
  return [...text.matchAll(/[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*/g)].map((m) => m[0]);
}

function identifiersIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/`([^`\n]{1,200})`/g)) out.push(...codeNames(m[1]!));
  const prose = text.replace(/`[^`\n]{1,200}`/g, " ");
  for (const m of prose.matchAll(/\b[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+\b/g)) out.push(m[0]);
  for (const m of prose.matchAll(/\b[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*\b/g)) out.push(m[0]);
  for (const m of prose.matchAll(/(?<![.\w])([A-Za-z_][A-Za-z0-9_]*)\(/g)) out.push(m[1]!);
  return out;
}

/** Names the follow-up introduces itself: definitions, assignments, loop and `as` targets, parameters. */
function introducedNames(text: string): Set<string> {
  const names = new Set<string>();
  const patterns = [
    /\b(?:def|class)\s+([A-Za-z_][A-Za-z0-9_]*)/g,
    /\b([A-Za-z_][A-Za-z0-9_]*)\s*(?:[-+*/|&]?=)(?!=)/g,
    /\bfor\s+([A-Za-z_][A-Za-z0-9_]*)\s+in\b/g,
    /\bas\s+([A-Za-z_][A-Za-z0-9_]*)/g,
    /\bimport\s+([A-Za-z_][A-Za-z0-9_]*)/g,
    /\b(?:a|an|the) (?:function|class|method|variable|list|dict|object|generator|decorator|coroutine|module|attribute|counter|instance) `?([A-Za-z_][A-Za-z0-9_]*)`?/g,
    /`([A-Za-z_][A-Za-z0-9_]*)`,? (?:is an?|is the|holds|stores|which is|that is|defined as)\b/g,
    /\b(?:list|dict|set|tuple|string|str|int|function|class|method|variable|object|model|decorator|generator|coroutine|exception|field|attribute) `([A-Za-z_][A-Za-z0-9_]*)/g,
    /`([A-Za-z_][A-Za-z0-9_]*)(?:\([^`\n]{0,80}\))?` (?:class|exception|function|model|object|instance|method|decorator|module|field|variable|list|dict|coroutine|folder|file|directory|table|column|endpoint|setting|package)\b/g,
    /\bfrom\s+([A-Za-z_][A-Za-z0-9_]*)/g,
    /\b(?:named|called) `([A-Za-z_][A-Za-z0-9_]*)`/g,
    /`[^`\n]*?\b([A-Z][A-Za-z0-9_]*)\([^`\n]*\)`,? (?:a|an|the) /g,
    /\blambda\s+([A-Za-z_][A-Za-z0-9_]*)/g,
    /\blambda\s+[A-Za-z_][A-Za-z0-9_]*\s*,\s*([A-Za-z_][A-Za-z0-9_]*)/g,
  ];
  for (const p of patterns) for (const m of text.matchAll(p)) names.add(m[1]!);
  // Everything in the follow-up's own code block is on the candidate's screen.
  for (const block of text.matchAll(/```[^`\n]*\n([\s\S]*?)```/g)) for (const w of wordsOf(block[1]!)) names.add(w);
  // Parameters of a def, or of a call shown in inline code, in the follow-up itself.
  for (const m of text.matchAll(/(?:\bdef\s+|`)[A-Za-z_][A-Za-z0-9_.]*\(([^)`\n]{0,200})\)/g)) {
    for (const p of m[1]!.matchAll(/[A-Za-z_][A-Za-z0-9_]*/g)) names.add(p[0]);
  }
  return names;
}

function wordsOf(text: string): Set<string> {
  return new Set(text.match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []);
}

/** The identifiers of `followUp` a candidate who saw only `questionText` could not know, and references to unseen code. */
export function unanswerableIdentifiers(followUp: string, questionText: string, reference: string): UnanswerableIdentifier[] {
  const seen = wordsOf(questionText);
  const hidden = wordsOf(reference);
  const introduced = introducedNames(followUp);
  const out: UnanswerableIdentifier[] = [];
  const reported = new Set<string>();
  for (const id of identifiersIn(followUp)) {
    if (/\.(?:py|json|toml|env|txt|cfg|ini|yaml|yml|lock|com|org|io)$/.test(id)) continue;
    const root = id.split(".")[0]!;
    if (root.length <= 2 || reported.has(root) || CONVENTIONAL_NAMES.has(root)) continue;
    if (/^__\w+__$/.test(root) || KNOWN_NAMES.has(root) || KNOWN_MEMBERS.has(root) || seen.has(root) || introduced.has(root)) continue;
    if (!hidden.has(root)) continue;
    reported.add(root);
    out.push({ identifier: id, reason: "unknown-name" });
  }
  const unseen = followUp.includes("```") ? null : UNSEEN_CODE.exec(followUp);
  if (unseen) out.push({ identifier: unseen[0], reason: "unseen-code" });
  return out;
}
