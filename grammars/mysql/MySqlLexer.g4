// MySQL 8 / MariaDB 10.11 lexer for schemerge's DDL front end (parser/mysql/).
//
// Written for schemerge from the MySQL 8.0 Reference Manual (9.1 Literal Values, 9.2 Schema
// Object Names, 9.3 Keywords and Reserved Words, 9.6 Comments) and the MariaDB Knowledge Base
// (Reserved Words, Identifier Names, String Literals). Not derived from any other grammar.
//
// The lexer sees the text of one delimiter-separated chunk of a script (parser/mysql/
// script_split.cpp has already handled DELIMITER, client commands and the markers of
// versioned comments /*!NNNNN ... */, which the server executes as SQL). Keywords are
// case-insensitive: ANTLR 4.7 has no caseInsensitive option, so every keyword is spelled
// with one fragment per letter.
//
// Reserved words are tokens the `identifier` rule does not accept (so `CREATE TABLE order`
// is rejected as the server rejects it); the list is MySQL 5.7's, without the words
// MariaDB 10.11 does not reserve (GENERATED, STORED, VIRTUAL, ...), so files both servers
// accept are accepted. Non-reserved keywords the grammar names are tokens too and are
// listed in MySqlParser's `nonReservedKeyword` rule, which makes them identifiers again.
lexer grammar MySqlLexer;

// ---------------------------------------------------------------------------------------
// Whitespace and comments (skipped: the front end reads verbatim text, such as routine
// bodies, from the character positions of tokens).

WHITESPACE: [ \t\r\n\f\u000B]+ -> skip;
// `-- ` starts a comment only when followed by whitespace or a control character, or at
// the end of the text (9.6 Comments): `1--1` is 1 - (-1).
LINE_COMMENT: ('--' ([ \t\f\u000B] ~[\r\n]* | [\r\n]) | '#' ~[\r\n]*) -> skip;
BLOCK_COMMENT: '/*' .*? '*/' -> skip;
// An unterminated comment: the parser reports it by this token's type.
UNTERMINATED_COMMENT: '/*' ~'*'* ('*' ~'/' ~'*'*)*;

// ---------------------------------------------------------------------------------------
// Reserved words.

ACCESSIBLE: A C C E S S I B L E;
ADD: A D D;
ALL: A L L;
ALTER: A L T E R;
ANALYZE: A N A L Y Z E;
AND: A N D;
AS: A S;
ASC: A S C;
ASENSITIVE: A S E N S I T I V E;
BEFORE: B E F O R E;
BETWEEN: B E T W E E N;
BIGINT: B I G I N T;
BINARY: B I N A R Y;
BLOB: B L O B;
BOTH: B O T H;
BY: B Y;
CALL: C A L L;
CASCADE: C A S C A D E;
CASE: C A S E;
CHANGE: C H A N G E;
CHAR: C H A R;
CHARACTER: C H A R A C T E R;
CHECK: C H E C K;
COLLATE: C O L L A T E;
COLUMN: C O L U M N;
CONDITION: C O N D I T I O N;
CONSTRAINT: C O N S T R A I N T;
CONTINUE: C O N T I N U E;
CONVERT: C O N V E R T;
CREATE: C R E A T E;
CROSS: C R O S S;
CURRENT_DATE: C U R R E N T '_' D A T E;
CURRENT_TIME: C U R R E N T '_' T I M E;
CURRENT_TIMESTAMP: C U R R E N T '_' T I M E S T A M P;
CURRENT_USER: C U R R E N T '_' U S E R;
CURSOR: C U R S O R;
DATABASE: D A T A B A S E;
DATABASES: D A T A B A S E S;
DAY_HOUR: D A Y '_' H O U R;
DAY_MICROSECOND: D A Y '_' M I C R O S E C O N D;
DAY_MINUTE: D A Y '_' M I N U T E;
DAY_SECOND: D A Y '_' S E C O N D;
DEC: D E C;
DECIMAL: D E C I M A L;
DECLARE: D E C L A R E;
DEFAULT: D E F A U L T;
DELAYED: D E L A Y E D;
DELETE: D E L E T E;
DESC: D E S C;
DESCRIBE: D E S C R I B E;
DETERMINISTIC: D E T E R M I N I S T I C;
DISTINCT: D I S T I N C T;
DISTINCTROW: D I S T I N C T R O W;
DIV: D I V;
DOUBLE: D O U B L E;
DROP: D R O P;
DUAL: D U A L;
EACH: E A C H;
ELSE: E L S E;
ELSEIF: E L S E I F;
ENCLOSED: E N C L O S E D;
ESCAPED: E S C A P E D;
EXISTS: E X I S T S;
EXIT: E X I T;
EXPLAIN: E X P L A I N;
FALSE_SYM: F A L S E;
FETCH: F E T C H;
FLOAT: F L O A T;
FLOAT4: F L O A T '4';
FLOAT8: F L O A T '8';
FOR: F O R;
FORCE: F O R C E;
FOREIGN: F O R E I G N;
FROM: F R O M;
FULLTEXT: F U L L T E X T;
GRANT: G R A N T;
GROUP: G R O U P;
HAVING: H A V I N G;
HIGH_PRIORITY: H I G H '_' P R I O R I T Y;
HOUR_MICROSECOND: H O U R '_' M I C R O S E C O N D;
HOUR_MINUTE: H O U R '_' M I N U T E;
HOUR_SECOND: H O U R '_' S E C O N D;
IF: I F;
IGNORE: I G N O R E;
IN: I N;
INDEX: I N D E X;
INFILE: I N F I L E;
INNER: I N N E R;
INOUT: I N O U T;
INSENSITIVE: I N S E N S I T I V E;
INSERT: I N S E R T;
INT: I N T;
INT1: I N T '1';
INT2: I N T '2';
INT3: I N T '3';
INT4: I N T '4';
INT8: I N T '8';
INTEGER: I N T E G E R;
INTERVAL: I N T E R V A L;
INTO: I N T O;
IS: I S;
ITERATE: I T E R A T E;
JOIN: J O I N;
KEY: K E Y;
KEYS: K E Y S;
KILL: K I L L;
LEADING: L E A D I N G;
LEAVE: L E A V E;
LEFT: L E F T;
LIKE: L I K E;
LIMIT: L I M I T;
LINEAR: L I N E A R;
LINES: L I N E S;
LOAD: L O A D;
LOCALTIME: L O C A L T I M E;
LOCALTIMESTAMP: L O C A L T I M E S T A M P;
LOCK: L O C K;
LONG: L O N G;
LONGBLOB: L O N G B L O B;
LONGTEXT: L O N G T E X T;
LOOP: L O O P;
LOW_PRIORITY: L O W '_' P R I O R I T Y;
MATCH: M A T C H;
MAXVALUE: M A X V A L U E;
MEDIUMBLOB: M E D I U M B L O B;
MEDIUMINT: M E D I U M I N T;
MEDIUMTEXT: M E D I U M T E X T;
MIDDLEINT: M I D D L E I N T;
MINUTE_MICROSECOND: M I N U T E '_' M I C R O S E C O N D;
MINUTE_SECOND: M I N U T E '_' S E C O N D;
MOD: M O D;
MODIFIES: M O D I F I E S;
NATURAL: N A T U R A L;
NOT: N O T;
NO_WRITE_TO_BINLOG: N O '_' W R I T E '_' T O '_' B I N L O G;
NULL_SYM: N U L L;
NUMERIC: N U M E R I C;
ON: O N;
OPTIMIZE: O P T I M I Z E;
OPTION: O P T I O N;
OPTIONALLY: O P T I O N A L L Y;
OR: O R;
ORDER: O R D E R;
OUT: O U T;
OUTER: O U T E R;
OUTFILE: O U T F I L E;
PARTITION: P A R T I T I O N;
PRECISION: P R E C I S I O N;
PRIMARY: P R I M A R Y;
PROCEDURE: P R O C E D U R E;
PURGE: P U R G E;
RANGE: R A N G E;
READ: R E A D;
READS: R E A D S;
READ_WRITE: R E A D '_' W R I T E;
REAL: R E A L;
REFERENCES: R E F E R E N C E S;
REGEXP: R E G E X P;
RELEASE: R E L E A S E;
RENAME: R E N A M E;
REPEAT: R E P E A T;
REPLACE: R E P L A C E;
REQUIRE: R E Q U I R E;
RESIGNAL: R E S I G N A L;
RESTRICT: R E S T R I C T;
RETURN: R E T U R N;
REVOKE: R E V O K E;
RIGHT: R I G H T;
RLIKE: R L I K E;
SCHEMA: S C H E M A;
SCHEMAS: S C H E M A S;
SECOND_MICROSECOND: S E C O N D '_' M I C R O S E C O N D;
SELECT: S E L E C T;
SENSITIVE: S E N S I T I V E;
SEPARATOR: S E P A R A T O R;
SET: S E T;
SHOW: S H O W;
SIGNAL: S I G N A L;
SMALLINT: S M A L L I N T;
SPATIAL: S P A T I A L;
SPECIFIC: S P E C I F I C;
SQL: S Q L;
SQLEXCEPTION: S Q L E X C E P T I O N;
SQLSTATE: S Q L S T A T E;
SQLWARNING: S Q L W A R N I N G;
SQL_BIG_RESULT: S Q L '_' B I G '_' R E S U L T;
SQL_CALC_FOUND_ROWS: S Q L '_' C A L C '_' F O U N D '_' R O W S;
SQL_SMALL_RESULT: S Q L '_' S M A L L '_' R E S U L T;
SSL: S S L;
STARTING: S T A R T I N G;
STRAIGHT_JOIN: S T R A I G H T '_' J O I N;
TABLE: T A B L E;
TERMINATED: T E R M I N A T E D;
THEN: T H E N;
TINYBLOB: T I N Y B L O B;
TINYINT: T I N Y I N T;
TINYTEXT: T I N Y T E X T;
TO: T O;
TRAILING: T R A I L I N G;
TRIGGER: T R I G G E R;
TRUE_SYM: T R U E;
UNDO: U N D O;
UNION: U N I O N;
UNIQUE: U N I Q U E;
UNLOCK: U N L O C K;
UNSIGNED: U N S I G N E D;
UPDATE: U P D A T E;
USAGE: U S A G E;
USE: U S E;
USING: U S I N G;
UTC_DATE: U T C '_' D A T E;
UTC_TIME: U T C '_' T I M E;
UTC_TIMESTAMP: U T C '_' T I M E S T A M P;
VALUES: V A L U E S;
VARBINARY: V A R B I N A R Y;
VARCHAR: V A R C H A R;
VARCHARACTER: V A R C H A R A C T E R;
VARYING: V A R Y I N G;
WHEN: W H E N;
WHERE: W H E R E;
WHILE: W H I L E;
WITH: W I T H;
WRITE: W R I T E;
XOR: X O R;
YEAR_MONTH: Y E A R '_' M O N T H;
ZEROFILL: Z E R O F I L L;

// ---------------------------------------------------------------------------------------
// Non-reserved keywords the grammar uses (also identifiers: see nonReservedKeyword).

ACTION: A C T I O N;
AFTER: A F T E R;
AGGREGATE: A G G R E G A T E;
ALGORITHM: A L G O R I T H M;
ALWAYS: A L W A Y S;
ASCII: A S C I I;
AT: A T;
AUTO_INCREMENT: A U T O '_' I N C R E M E N T;
AVG_ROW_LENGTH: A V G '_' R O W '_' L E N G T H;
BEGIN: B E G I N;
BINLOG: B I N L O G;
BTREE: B T R E E;
BYTE: B Y T E;
CACHE: C A C H E;
CASCADED: C A S C A D E D;
CHARSET: C H A R S E T;
CHECKSUM: C H E C K S U M;
COALESCE: C O A L E S C E;
COLUMN_FORMAT: C O L U M N '_' F O R M A T;
COLUMNS: C O L U M N S;
COMMENT: C O M M E N T;
COMMIT: C O M M I T;
COMPRESSION: C O M P R E S S I O N;
CONNECTION: C O N N E C T I O N;
CONTAINS: C O N T A I N S;
DATA: D A T A;
DEALLOCATE: D E A L L O C A T E;
DEFINER: D E F I N E R;
DELAY_KEY_WRITE: D E L A Y '_' K E Y '_' W R I T E;
DIRECTORY: D I R E C T O R Y;
DISABLE: D I S A B L E;
DISCARD: D I S C A R D;
DISK: D I S K;
DO: D O;
DYNAMIC: D Y N A M I C;
ENABLE: E N A B L E;
ENCRYPTION: E N C R Y P T I O N;
END: E N D;
ENFORCED: E N F O R C E D;
ENGINE: E N G I N E;
ENGINE_ATTRIBUTE: E N G I N E '_' A T T R I B U T E;
EVENT: E V E N T;
EXCHANGE: E X C H A N G E;
EXECUTE: E X E C U T E;
FIRST: F I R S T;
FIXED: F I X E D;
FLUSH: F L U S H;
FOLLOWS: F O L L O W S;
FULL: F U L L;
FUNCTION: F U N C T I O N;
GENERATED: G E N E R A T E D;
GLOBAL: G L O B A L;
HANDLER: H A N D L E R;
HASH: H A S H;
HELP: H E L P;
IGNORED: I G N O R E D;
IMPORT: I M P O R T;
INSERT_METHOD: I N S E R T '_' M E T H O D;
INSTALL: I N S T A L L;
INSTANCE: I N S T A N C E;
INVISIBLE: I N V I S I B L E;
INVOKER: I N V O K E R;
KEY_BLOCK_SIZE: K E Y '_' B L O C K '_' S I Z E;
LANGUAGE: L A N G U A G E;
LOCAL: L O C A L;
LOGFILE: L O G F I L E;
MAX_ROWS: M A X '_' R O W S;
MEMORY: M E M O R Y;
MERGE: M E R G E;
MIN_ROWS: M I N '_' R O W S;
MODIFY: M O D I F Y;
NAMES: N A M E S;
NATIONAL: N A T I O N A L;
NCHAR: N C H A R;
NO: N O;
NVARCHAR: N V A R C H A R;
OFFLINE: O F F L I N E;
ONLINE: O N L I N E;
PACK_KEYS: P A C K '_' K E Y S;
PACKAGE: P A C K A G E;
PAGE_CHECKSUM: P A G E '_' C H E C K S U M;
PARSER: P A R S E R;
PARTIAL: P A R T I A L;
PARTITIONING: P A R T I T I O N I N G;
PASSWORD: P A S S W O R D;
PERSISTENT: P E R S I S T E N T;
PRECEDES: P R E C E D E S;
PREPARE: P R E P A R E;
REBUILD: R E B U I L D;
REMOVE: R E M O V E;
REORGANIZE: R E O R G A N I Z E;
REPAIR: R E P A I R;
RESET: R E S E T;
RESOURCE: R E S O U R C E;
ROLE: R O L E;
ROLLBACK: R O L L B A C K;
ROW: R O W;
ROW_FORMAT: R O W '_' F O R M A T;
RTREE: R T R E E;
SAVEPOINT: S A V E P O I N T;
SECONDARY_ENGINE_ATTRIBUTE: S E C O N D A R Y '_' E N G I N E '_' A T T R I B U T E;
SECURITY: S E C U R I T Y;
SEQUENCE: S E Q U E N C E;
SERIAL: S E R I A L;
SERVER: S E R V E R;
SESSION: S E S S I O N;
SIGNED: S I G N E D;
SIMPLE: S I M P L E;
SONAME: S O N A M E;
SRID: S R I D;
START: S T A R T;
STATS_AUTO_RECALC: S T A T S '_' A U T O '_' R E C A L C;
STATS_PERSISTENT: S T A T S '_' P E R S I S T E N T;
STATS_SAMPLE_PAGES: S T A T S '_' S A M P L E '_' P A G E S;
STOP: S T O P;
STORAGE: S T O R A G E;
STORED: S T O R E D;
TABLES: T A B L E S;
TABLESPACE: T A B L E S P A C E;
TEMPORARY: T E M P O R A R Y;
TEMPTABLE: T E M P T A B L E;
TRANSACTIONAL: T R A N S A C T I O N A L;
TRUNCATE: T R U N C A T E;
UNDEFINED: U N D E F I N E D;
UNICODE: U N I C O D E;
UNINSTALL: U N I N S T A L L;
UPGRADE: U P G R A D E;
USER: U S E R;
VALIDATION: V A L I D A T I O N;
VIEW: V I E W;
VIRTUAL: V I R T U A L;
VISIBLE: V I S I B L E;
WITHOUT: W I T H O U T;
XA: X A;
RETURNS: R E T U R N S;
UNTIL: U N T I L;
SCHEDULE: S C H E D U L E;
ATOMIC: A T O M I C;
VALUE: V A L U E;

// ---------------------------------------------------------------------------------------
// Literals (9.1). Strings keep their quotes: the front end unescapes them.

// 'it''s', 'it\'s' and "it""s"; backslash escapes are MySQL's default (no
// NO_BACKSLASH_ESCAPES).
SINGLE_QUOTED_STRING: '\'' ( ~['\\] | '\\' . | '\'\'' )* '\'';
DOUBLE_QUOTED_STRING: '"' ( ~["\\] | '\\' . | '""' )* '"';
// N'text' (the national character set) and _charset'text' introducers.
NATIONAL_STRING: [nN] SINGLE_QUOTED_STRING;
INTRODUCED_STRING: '_' [a-zA-Z0-9]+ [ \t\r\n]* (SINGLE_QUOTED_STRING | DOUBLE_QUOTED_STRING | HEX_STRING | BIT_STRING);
HEX_STRING: [xX] '\'' [0-9a-fA-F]* '\'' | '0x' [0-9a-fA-F]+;
BIT_STRING: [bB] '\'' [01]* '\'' | '0b' [01]+;
// Unterminated strings: the parser reports them by these tokens' types.
UNTERMINATED_STRING: '\'' ( ~['\\] | '\\' . | '\'\'' )* | '"' ( ~["\\] | '\\' . | '""' )*;

INTEGER_NUM: DIGIT+;
DECIMAL_NUM: DIGIT+ '.' DIGIT* | '.' DIGIT+;
FLOAT_NUM: (DIGIT+ ('.' DIGIT*)? | '.' DIGIT+) [eE] [+-]? DIGIT+;

// ---------------------------------------------------------------------------------------
// Identifiers (9.2): unquoted names are [0-9a-zA-Z$_] and U+0080..U+FFFF and may begin
// with a digit, but not be digits only; `quoted` names double an inner backquote.

BACKQUOTED_ID: '`' ( ~'`' | '``' )* '`';
UNTERMINATED_BACKQUOTE: '`' ( ~'`' | '``' )*;
IDENTIFIER: DIGIT* ID_START ID_CHAR*;

// @user_variable, @'quoted', @@system_variable, @@session.name
SYSTEM_VARIABLE: '@@' ([a-zA-Z_$.] | DIGIT)+;
USER_VARIABLE: '@' (([a-zA-Z_$.] | DIGIT)+ | SINGLE_QUOTED_STRING | DOUBLE_QUOTED_STRING | BACKQUOTED_ID);

// ---------------------------------------------------------------------------------------
// Operators and punctuation.

SEMI: ';';
COMMA: ',';
DOT: '.';
LPAREN: '(';
RPAREN: ')';
LBRACE: '{';
RBRACE: '}';
EQ: '=';
NULL_SAFE_EQ: '<=>';
NE: '<>' | '!=';
LE: '<=';
GE: '>=';
LT: '<';
GT: '>';
ASSIGN: ':=';
SHIFT_LEFT: '<<';
SHIFT_RIGHT: '>>';
LOGICAL_AND: '&&';
LOGICAL_OR: '||';
JSON_UNQUOTE_EXTRACT: '->>';
JSON_EXTRACT: '->';
PLUS: '+';
MINUS: '-';
STAR: '*';
SLASH: '/';
PERCENT: '%';
AMPERSAND: '&';
PIPE: '|';
CARET: '^';
TILDE: '~';
BANG: '!';
COLON: ':';
QUESTION: '?';
AT_SIGN: '@';
BACKSLASH: '\\';

// Anything else is an error the parser reports at its position.
UNEXPECTED_CHARACTER: .;

fragment DIGIT: [0-9];
fragment ID_START: [a-zA-Z_$\u0080-\uFFFF];
fragment ID_CHAR: [a-zA-Z0-9_$\u0080-\uFFFF];

fragment A: [aA];
fragment B: [bB];
fragment C: [cC];
fragment D: [dD];
fragment E: [eE];
fragment F: [fF];
fragment G: [gG];
fragment H: [hH];
fragment I: [iI];
fragment J: [jJ];
fragment K: [kK];
fragment L: [lL];
fragment M: [mM];
fragment N: [nN];
fragment O: [oO];
fragment P: [pP];
fragment Q: [qQ];
fragment R: [rR];
fragment S: [sS];
fragment T: [tT];
fragment U: [uU];
fragment V: [vV];
fragment W: [wW];
fragment X: [xX];
fragment Y: [yY];
fragment Z: [zZ];
