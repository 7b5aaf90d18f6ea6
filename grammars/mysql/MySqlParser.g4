// MySQL 8 / MariaDB 10.11 DDL parser for schemerge's front end (parser/mysql/).
//
// Written for schemerge from the MySQL 8.0 Reference Manual (13.1 Data Definition
// Statements: CREATE/ALTER/DROP/RENAME TABLE, CREATE INDEX, CREATE VIEW, CREATE TRIGGER,
// CREATE PROCEDURE and FUNCTION, CREATE EVENT, CREATE DATABASE; 13.6 Compound Statement
// Syntax; 11 Data Types) and the MariaDB Knowledge Base pages of the same statements. Not
// derived from any other grammar.
//
// One parse covers one chunk of a script: the text between two client delimiters (`;` or
// what DELIMITER set), which may hold several statements separated by `;` (the client sends
// such a chunk whole and the server runs each statement). Statements are modeled in the
// detail the schema model needs; expressions (defaults, CHECK, generated columns, key
// parts, partitioning, view queries) are kept as balanced token sequences whose text the
// front end canonicalizes. Statements without schema effect (INSERT, SET, LOCK TABLES, ...)
// and statements schemerge does not model (GRANT, CREATE USER, ...) are recognized by their
// first words and consumed up to the next `;`, so the front end can skip or report them.
//
// Prediction stays cheap: every statement kind is decided by its first few tokens, loops
// over token sequences decide on one token, and the front end parses with SLL first
// (falling back to full LL only when SLL fails).
parser grammar MySqlParser;

options { tokenVocab = MySqlLexer; }

// ---------------------------------------------------------------------------------------
// Chunks and statements

script
    : statement? (SEMI statement?)* EOF
    ;

statement
    : createTable
    | alterTable
    | dropTable
    | renameTable
    | createIndex
    | dropIndex
    | createView
    | alterView
    | dropView
    | createTrigger
    | dropTrigger
    | createProcedure
    | createFunction
    | createLoadableFunction
    | alterRoutine
    | dropRoutine
    | createEvent
    | alterEvent
    | dropEvent
    | createDatabase
    | alterDatabase
    | dropDatabase
    | useDatabase
    | setStatement
    | dataStatement
    | unmodeledStatement
    ;

// ---------------------------------------------------------------------------------------
// CREATE TABLE (13.1.20)

createTable
    : CREATE (OR REPLACE)? TEMPORARY? TABLE ifNotExists? tableName
      ( LIKE likeTable=tableName
      | LPAREN LIKE likeTable=tableName RPAREN
      | (LPAREN tableElement (COMMA tableElement)* RPAREN)? createTableOptions? partitionClause? createTableSelect?
      )
    ;

// CREATE TABLE ... [AS] SELECT: the columns come from a query.
createTableSelect
    : (IGNORE | REPLACE)? AS? (SELECT | WITH | TABLE | VALUES | LPAREN (SELECT | WITH | LPAREN)) ~SEMI*
    ;

tableElement
    : columnDefinition
    | keyDefinition
    ;

columnDefinition
    : identifier dataType columnAttribute*
    ;

dataType
    : typeName typeArguments? typeFlag*
    ;

typeName
    : NATIONAL typeWord VARYING?
    | typeWord (VARYING | PRECISION)?
    | LONG (VARBINARY | VARCHAR | VARCHARACTER)?
    ;

// Type names MySQL reserves, and any other word (TEXT, DATE, ENUM, JSON, ... are not
// reserved); the front end checks the name against its type table. Only the keywords that
// name types are listed (NATIONAL is a prefix, not a type), which keeps the choices of a
// column definition decidable from one token.
typeWord
    : IDENTIFIER | BACKQUOTED_ID | SERIAL | NCHAR | NVARCHAR | FIXED
    | BIGINT | BINARY | BLOB | CHAR | CHARACTER | DEC | DECIMAL | DOUBLE | FLOAT | FLOAT4 | FLOAT8
    | INT | INT1 | INT2 | INT3 | INT4 | INT8 | INTEGER | LONGBLOB | LONGTEXT | MEDIUMBLOB | MEDIUMINT
    | MEDIUMTEXT | MIDDLEINT | NUMERIC | REAL | SMALLINT | TINYBLOB | TINYINT | TINYTEXT | VARBINARY
    | VARCHAR | VARCHARACTER | SET
    ;

// (M), (M,D), ENUM/SET labels.
typeArguments
    : LPAREN typeArgument (COMMA typeArgument)* RPAREN
    ;

typeArgument
    : INTEGER_NUM
    | stringLiteral
    ;

typeFlag
    : UNSIGNED
    | SIGNED
    | ZEROFILL
    | BINARY
    | ASCII
    | UNICODE
    | BYTE
    | charsetKeyword charsetName
    ;

columnAttribute
    : NOT? NULL_SYM                                                            # nullAttribute
    | DEFAULT defaultValue                                                     # defaultAttribute
    | ON UPDATE currentTimestamp                                               # onUpdateAttribute
    | AUTO_INCREMENT                                                           # autoIncrementAttribute
    | SERIAL DEFAULT VALUE                                                     # serialDefaultValueAttribute
    | UNIQUE KEY?                                                              # uniqueAttribute
    | PRIMARY? KEY                                                             # primaryKeyAttribute
    | COMMENT stringLiteral                                                    # commentAttribute
    | COLLATE collationName                                                    # collateAttribute
    | COLUMN_FORMAT (FIXED | DYNAMIC | DEFAULT)                                # columnFormatAttribute
    | STORAGE (DISK | MEMORY | DEFAULT)                                        # storageAttribute
    | (GENERATED ALWAYS)? AS parenthesized (VIRTUAL | STORED | PERSISTENT)?    # generatedAttribute
    | (VISIBLE | INVISIBLE)                                                    # visibilityAttribute
    | SRID INTEGER_NUM                                                         # sridAttribute
    | (CONSTRAINT identifier?)? CHECK parenthesized (NOT? ENFORCED)?           # checkAttribute
    | referencesClause                                                         # referencesAttribute
    | (ENGINE_ATTRIBUTE | SECONDARY_ENGINE_ATTRIBUTE) EQ? stringLiteral        # engineAttribute
    ;

defaultValue
    : NULL_SYM
    | TRUE_SYM
    | FALSE_SYM
    | (PLUS | MINUS)? number
    | stringLiteral
    | HEX_STRING
    | BIT_STRING
    | currentTimestamp
    | parenthesized
    | builtinValue parenthesized?
    | identifier parenthesized
    ;

// CURRENT_TIMESTAMP and its synonyms, with an optional fractional-seconds precision; the
// last form is NOW([n]) (the front end checks the name).
currentTimestamp
    : (CURRENT_TIMESTAMP | LOCALTIME | LOCALTIMESTAMP) (LPAREN INTEGER_NUM? RPAREN)?
    | identifier LPAREN INTEGER_NUM? RPAREN
    ;

// Reserved words that name functions usable without parentheses.
builtinValue
    : CURRENT_DATE | CURRENT_TIME | CURRENT_USER | UTC_DATE | UTC_TIME | UTC_TIMESTAMP
    ;

keyDefinition
    : constraintName? PRIMARY KEY indexType? keyPartList indexOption*                                   # primaryKeyDefinition
    | constraintName? UNIQUE (INDEX | KEY)? ifNotExists? identifier? indexType? keyPartList indexOption*  # uniqueKeyDefinition
    | (INDEX | KEY) ifNotExists? identifier? indexType? keyPartList indexOption*                           # indexDefinition
    | (FULLTEXT | SPATIAL) (INDEX | KEY)? ifNotExists? identifier? keyPartList indexOption*                # specialIndexDefinition
    | constraintName? FOREIGN KEY ifNotExists? identifier? columnList referencesClause                    # foreignKeyDefinition
    | constraintName? CHECK parenthesized (NOT? ENFORCED)?                                                # checkDefinition
    ;

constraintName
    : CONSTRAINT ifNotExists? identifier?
    ;

indexType
    : USING (BTREE | HASH | RTREE)
    ;

keyPartList
    : LPAREN keyPart (COMMA keyPart)* RPAREN
    ;

keyPart
    : identifier (LPAREN INTEGER_NUM RPAREN)? (ASC | DESC)?
    | parenthesized (ASC | DESC)?
    ;

indexOption
    : KEY_BLOCK_SIZE EQ? INTEGER_NUM
    | indexType
    | WITH PARSER identifier
    | COMMENT stringLiteral
    | VISIBLE
    | INVISIBLE
    | NOT? IGNORED
    | (ENGINE_ATTRIBUTE | SECONDARY_ENGINE_ATTRIBUTE) EQ? stringLiteral
    ;

referencesClause
    : REFERENCES tableName columnList? (MATCH (FULL | PARTIAL | SIMPLE))? referentialAction*
    ;

referentialAction
    : ON (DELETE | UPDATE) (RESTRICT | CASCADE | SET NULL_SYM | SET DEFAULT | NO ACTION)
    ;

createTableOptions
    : tableOption (COMMA? tableOption)*
    ;

tableOption
    : ENGINE EQ? (identifier | stringLiteral)                                                  # engineOption
    | DEFAULT? charsetKeyword EQ? charsetName                                                  # charsetOption
    | DEFAULT? COLLATE EQ? collationName                                                       # collateOption
    | AUTO_INCREMENT EQ? INTEGER_NUM                                                           # autoIncrementOption
    | COMMENT EQ? stringLiteral                                                                # commentOption
    | ROW_FORMAT EQ? (DEFAULT | identifier)                                                    # rowFormatOption
    | KEY_BLOCK_SIZE EQ? INTEGER_NUM                                                           # keyBlockSizeOption
    | ( AVG_ROW_LENGTH | CHECKSUM | PAGE_CHECKSUM | DELAY_KEY_WRITE | MAX_ROWS | MIN_ROWS
      | TRANSACTIONAL | PACK_KEYS | STATS_AUTO_RECALC | STATS_PERSISTENT | STATS_SAMPLE_PAGES
      ) EQ? (INTEGER_NUM | DEFAULT)                                                            # numericOption
    | ( COMPRESSION | CONNECTION | ENCRYPTION | PASSWORD | ENGINE_ATTRIBUTE
      | SECONDARY_ENGINE_ATTRIBUTE
      ) EQ? stringLiteral                                                                      # stringOption
    | (DATA | INDEX) DIRECTORY EQ? stringLiteral                                               # directoryOption
    | INSERT_METHOD EQ? identifier                                                             # insertMethodOption
    | TABLESPACE EQ? identifier (STORAGE (DISK | MEMORY | DEFAULT))?                           # tablespaceOption
    | UNION EQ? LPAREN (tableName (COMMA tableName)*)? RPAREN                                  # unionOption
    // MariaDB: engine-defined options (PAGE_COMPRESSED=1, ...). The front end rejects the
    // ones the server rejects (TYPE=, removed in MySQL 5.5).
    | IDENTIFIER EQ (identifier | stringLiteral | (PLUS | MINUS)? number | DEFAULT)            # genericOption
    ;

charsetKeyword
    : CHARSET
    | (CHARACTER | CHAR) SET
    ;

charsetName
    : identifier
    | stringToken
    | BINARY
    | DEFAULT
    ;

collationName
    : identifier
    | stringToken
    | BINARY
    ;

// PARTITION BY ...: kept as canonical text (partitioning is a modeled attribute).
partitionClause
    : PARTITION BY ~SEMI*
    ;

// ---------------------------------------------------------------------------------------
// ALTER TABLE (13.1.9)

alterTable
    : ALTER (ONLINE | OFFLINE)? IGNORE? TABLE ifExists? tableName alterTableBody?
    ;

alterTableBody
    : alterItem (COMMA alterItem)* partitionClause?
    | partitionClause
    | partitionOperation
    ;

alterItem
    : ADD COLUMN? ifNotExists? columnDefinition columnPosition?                                   # addColumn
    | ADD COLUMN? ifNotExists? LPAREN columnDefinition (COMMA columnDefinition)* RPAREN           # addColumns
    | ADD keyDefinition                                                                           # addKey
    | DROP COLUMN? ifExists? identifier (RESTRICT | CASCADE)?                                     # dropColumn
    | DROP PRIMARY KEY                                                                            # dropPrimaryKey
    | DROP (INDEX | KEY) ifExists? identifier                                                     # dropKey
    | DROP FOREIGN KEY ifExists? identifier                                                       # dropForeignKey
    | DROP (CHECK | CONSTRAINT) ifExists? identifier                                              # dropConstraint
    | ALTER COLUMN? identifier (SET DEFAULT defaultValue | DROP DEFAULT | SET (VISIBLE | INVISIBLE))  # alterColumn
    | ALTER (INDEX | KEY) identifier (VISIBLE | INVISIBLE | NOT? IGNORED)                         # alterIndexVisibility
    | ALTER (CHECK | CONSTRAINT) identifier NOT? ENFORCED                                         # alterCheck
    | CHANGE COLUMN? ifExists? identifier columnDefinition columnPosition?                        # changeColumn
    | MODIFY COLUMN? ifExists? columnDefinition columnPosition?                                   # modifyColumn
    | RENAME COLUMN identifier TO identifier                                                      # renameColumn
    | RENAME (INDEX | KEY) identifier TO identifier                                               # renameKey
    | RENAME (TO | AS)? tableName                                                                 # renameTo
    | CONVERT TO charsetKeyword charsetName (COLLATE collationName)?                              # convertCharset
    | tableOption+                                                                                # alterOptions
    | (ALGORITHM | LOCK) EQ? (DEFAULT | identifier)                                               # alterAlgorithm
    | FORCE                                                                                       # alterForce
    | (ENABLE | DISABLE) KEYS                                                                     # alterKeys
    | (DISCARD | IMPORT) TABLESPACE                                                               # alterTablespace
    | ORDER BY orderItem (COMMA orderItem)*                                                       # alterOrder
    | (WITH | WITHOUT) VALIDATION                                                                 # alterValidation
    ;

orderItem
    : identifier (ASC | DESC)?
    ;

columnPosition
    : FIRST
    | AFTER identifier
    ;

partitionOperation
    : ( ADD | DROP | DISCARD | IMPORT | TRUNCATE | COALESCE | REORGANIZE | EXCHANGE | ANALYZE
      | CHECK | OPTIMIZE | REBUILD | REPAIR
      ) PARTITION ~SEMI*
    | (REMOVE | UPGRADE) PARTITIONING
    ;

// ---------------------------------------------------------------------------------------
// DROP TABLE, RENAME TABLE, CREATE / DROP INDEX (13.1.32, 13.1.36, 13.1.15, 13.1.27)

dropTable
    : DROP TEMPORARY? (TABLE | TABLES) ifExists? tableName (COMMA tableName)* (RESTRICT | CASCADE)?
    ;

renameTable
    : RENAME (TABLE | TABLES) renamePair (COMMA renamePair)*
    ;

renamePair
    : tableName TO tableName
    ;

createIndex
    : CREATE (OR REPLACE)? (ONLINE | OFFLINE)? (UNIQUE | FULLTEXT | SPATIAL)? INDEX ifNotExists? identifier indexType?
      ON tableName keyPartList (indexOption | algorithmOrLock)*
    ;

dropIndex
    : DROP (ONLINE | OFFLINE)? INDEX ifExists? identifier ON tableName algorithmOrLock*
    ;

algorithmOrLock
    : (ALGORITHM | LOCK) EQ? (DEFAULT | identifier)
    ;

// ---------------------------------------------------------------------------------------
// Views (13.1.23)

createView
    : CREATE (OR REPLACE)? viewAttributes VIEW ifNotExists? tableName columnList? AS viewQuery
    ;

alterView
    : ALTER viewAttributes VIEW tableName columnList? AS viewQuery
    ;

viewAttributes
    : (ALGORITHM EQ (UNDEFINED | MERGE | TEMPTABLE))? definerClause? (SQL SECURITY (DEFINER | INVOKER))?
    ;

// The SELECT (with a trailing WITH [CASCADED | LOCAL] CHECK OPTION, which the front end
// takes off its end).
viewQuery
    : ~SEMI+
    ;

dropView
    : DROP VIEW ifExists? tableName (COMMA tableName)* (RESTRICT | CASCADE)?
    ;

// ---------------------------------------------------------------------------------------
// Triggers, stored routines and events (13.1.22, 13.1.17, 13.1.13)

createTrigger
    : CREATE (OR REPLACE)? definerClause? TRIGGER ifNotExists? qualifiedName
      (BEFORE | AFTER) (INSERT | UPDATE | DELETE) ON tableName FOR EACH ROW triggerOrder? routineBody
    ;

triggerOrder
    : (FOLLOWS | PRECEDES) identifier
    ;

dropTrigger
    : DROP TRIGGER ifExists? qualifiedName
    ;

createProcedure
    : CREATE (OR REPLACE)? definerClause? PROCEDURE ifNotExists? qualifiedName
      LPAREN (routineParameter (COMMA routineParameter)*)? RPAREN routineCharacteristic* routineBody
    ;

createFunction
    : CREATE (OR REPLACE)? definerClause? AGGREGATE? FUNCTION ifNotExists? qualifiedName
      LPAREN (routineParameter (COMMA routineParameter)*)? RPAREN RETURNS returnType routineCharacteristic* routineBody
    ;

// A function's return type: dataType's syntax, in rules of its own (the body that follows
// can start with any token, and the column type's rules should not have to look past it).
returnType
    : returnTypeName (LPAREN typeArgument (COMMA typeArgument)* RPAREN)? returnTypeFlag*
    ;

returnTypeName
    : NATIONAL typeWord VARYING?
    | typeWord (VARYING | PRECISION)?
    | LONG (VARBINARY | VARCHAR | VARCHARACTER)?
    ;

returnTypeFlag
    : UNSIGNED
    | SIGNED
    | ZEROFILL
    | BINARY
    | ASCII
    | UNICODE
    | BYTE
    | charsetKeyword charsetName
    | COLLATE collationName
    ;

// A loadable function (UDF) from a shared library.
createLoadableFunction
    : CREATE (OR REPLACE)? AGGREGATE? FUNCTION ifNotExists? identifier RETURNS typeWord SONAME stringLiteral
    ;

routineParameter
    : (IN | OUT | INOUT)? identifier dataType
    ;

routineCharacteristic
    : COMMENT stringToken
    | LANGUAGE SQL
    | NOT? DETERMINISTIC
    | CONTAINS SQL
    | NO SQL
    | READS SQL DATA
    | MODIFIES SQL DATA
    | SQL SECURITY (DEFINER | INVOKER)
    ;

alterRoutine
    : ALTER (PROCEDURE | FUNCTION) qualifiedName routineCharacteristic*
    ;

dropRoutine
    : DROP (PROCEDURE | FUNCTION) ifExists? qualifiedName
    ;

createEvent
    : CREATE (OR REPLACE)? definerClause? EVENT ifNotExists? qualifiedName ON SCHEDULE ~(DO | SEMI)+ DO routineBody
    ;

alterEvent
    : ALTER definerClause? EVENT qualifiedName ((ON | RENAME | ENABLE | DISABLE | COMMENT) ~(DO | SEMI)*)? (DO routineBody)?
    ;

dropEvent
    : DROP EVENT ifExists? qualifiedName
    ;

// A routine body: one statement, which may be compound (13.6). Inside BEGIN ... END and the
// flow-control statements every statement ends with ';'; a body's block structure is
// checked here, its statements are token sequences the front end reads for references.
routineBody
    : bodyStatement
    ;

bodyStatement
    : (identifier COLON)? BEGIN (NOT ATOMIC)? bodyStatementList? END identifier?                          # beginEndBlock
    | IF bodyCondition THEN bodyStatementList (ELSEIF bodyCondition THEN bodyStatementList)*
      (ELSE bodyStatementList)? END IF                                                               # ifStatement
    | CASE bodyCondition? (WHEN bodyCondition THEN bodyStatementList)+ (ELSE bodyStatementList)? END CASE # caseStatement
    | (identifier COLON)? LOOP bodyStatementList END LOOP identifier?                                 # loopStatement
    | (identifier COLON)? WHILE bodyCondition DO bodyStatementList END WHILE identifier?              # whileStatement
    | (identifier COLON)? REPEAT bodyStatementList UNTIL bodyCondition END REPEAT identifier?          # repeatStatement
    | ~(IF | CASE | LOOP | WHILE | REPEAT | BEGIN | END | ELSE | ELSEIF | WHEN | UNTIL | SEMI) bodyToken*  # simpleBodyStatement
    ;

bodyStatementList
    : (bodyStatement SEMI)+
    ;

// An expression inside flow control: up to THEN / DO / WHEN / END, with CASE ... END
// expressions kept whole.
bodyCondition
    : (caseExpression | ~(THEN | DO | WHEN | END | CASE | SEMI))+
    ;

// The rest of a simple statement: CASE expressions and a handler's BEGIN ... END kept whole.
bodyToken
    : caseExpression
    | beginEndInStatement
    | ~(SEMI | CASE | BEGIN)
    ;

beginEndInStatement
    : BEGIN (NOT ATOMIC)? bodyStatementList? END
    ;

caseExpression
    : CASE (caseExpression | ~(CASE | END))* END
    ;

// ---------------------------------------------------------------------------------------
// Databases (13.1.12, 13.2.13 USE)

createDatabase
    : CREATE (OR REPLACE)? (DATABASE | SCHEMA) ifNotExists? identifier databaseOption*
    ;

alterDatabase
    : ALTER (DATABASE | SCHEMA) identifier? databaseOption+
    | ALTER (DATABASE | SCHEMA) identifier UPGRADE DATA DIRECTORY IDENTIFIER
    ;

databaseOption
    : DEFAULT? charsetKeyword EQ? charsetName
    | DEFAULT? COLLATE EQ? collationName
    | DEFAULT? ENCRYPTION EQ? stringLiteral
    | COMMENT EQ? stringLiteral
    | READ IDENTIFIER EQ? (DEFAULT | INTEGER_NUM)
    ;

dropDatabase
    : DROP (DATABASE | SCHEMA) ifExists? identifier
    ;

useDatabase
    : USE identifier
    ;

// ---------------------------------------------------------------------------------------
// Statements without schema effect: skipped and counted. SET is read by the front end for
// FOREIGN_KEY_CHECKS.

setStatement
    : SET ~SEMI*
    ;

dataStatement
    : LPAREN+ (SELECT | WITH | TABLE | VALUES) ~SEMI*
    | ( INSERT | REPLACE | UPDATE | DELETE | SELECT | WITH | VALUES | TABLE | TRUNCATE
      | LOCK | UNLOCK | START | COMMIT | ROLLBACK | BEGIN | SAVEPOINT | RELEASE | XA
      | FLUSH | ANALYZE | OPTIMIZE | CHECK | CHECKSUM | REPAIR | CALL | DO | SHOW | DESCRIBE | DESC
      | EXPLAIN | HANDLER | LOAD | PREPARE | EXECUTE | DEALLOCATE | KILL | RESET | PURGE | CACHE
      | BINLOG | HELP | STOP | CHANGE | INSTALL | UNINSTALL | SIGNAL | RESIGNAL
      ) ~SEMI*
    ;

// Statements the schema model does not cover (accounts, privileges, servers, tablespaces,
// sequences, packages): reported, kept verbatim.
unmodeledStatement
    : (GRANT | REVOKE) ~SEMI*
    | CREATE (OR REPLACE)? (USER | ROLE | SERVER | TABLESPACE | LOGFILE | SEQUENCE | PACKAGE | RESOURCE | SPATIAL IDENTIFIER) ~SEMI*
    | ALTER (USER | ROLE | SERVER | TABLESPACE | LOGFILE | SEQUENCE | PACKAGE | RESOURCE | INSTANCE) ~SEMI*
    | DROP (USER | ROLE | SERVER | TABLESPACE | LOGFILE | SEQUENCE | PACKAGE | RESOURCE | SPATIAL IDENTIFIER) ~SEMI*
    | RENAME USER ~SEMI*
    ;

// ---------------------------------------------------------------------------------------
// Shared pieces

ifExists
    : IF EXISTS
    ;

ifNotExists
    : IF NOT EXISTS
    ;

definerClause
    : DEFINER EQ userName
    ;

userName
    : (identifier | SINGLE_QUOTED_STRING | DOUBLE_QUOTED_STRING) USER_VARIABLE?
    | CURRENT_USER (LPAREN RPAREN)?
    ;

tableName
    : qualifiedName
    ;

qualifiedName
    : identifier (DOT identifier)?
    ;

columnList
    : LPAREN identifier (COMMA identifier)* RPAREN
    ;

// A parenthesized expression, kept as balanced tokens.
parenthesized
    : LPAREN (parenthesized | ~(LPAREN | RPAREN))* RPAREN
    ;

stringLiteral
    : (SINGLE_QUOTED_STRING | DOUBLE_QUOTED_STRING | NATIONAL_STRING | INTRODUCED_STRING)
      (SINGLE_QUOTED_STRING | DOUBLE_QUOTED_STRING)*
    ;

// One string token (where adjacent strings would be ambiguous: a routine body may follow).
stringToken
    : SINGLE_QUOTED_STRING
    | DOUBLE_QUOTED_STRING
    | NATIONAL_STRING
    | INTRODUCED_STRING
    ;

number
    : INTEGER_NUM
    | DECIMAL_NUM
    | FLOAT_NUM
    ;

identifier
    : IDENTIFIER
    | BACKQUOTED_ID
    | nonReservedKeyword
    ;

// Keywords MySQL does not reserve: they name tables and columns unquoted.
nonReservedKeyword
    : ACTION | AFTER | AGGREGATE | ALGORITHM | ALWAYS | ASCII
    | AT | AUTO_INCREMENT | AVG_ROW_LENGTH | BEGIN | BINLOG | BTREE
    | BYTE | CACHE | CASCADED | CHARSET | CHECKSUM | COALESCE
    | COLUMN_FORMAT | COLUMNS | COMMENT | COMMIT | COMPRESSION | CONNECTION
    | CONTAINS | DATA | DEALLOCATE | DEFINER | DELAY_KEY_WRITE | DIRECTORY
    | DISABLE | DISCARD | DISK | DO | DYNAMIC | ENABLE
    | ENCRYPTION | END | ENFORCED | ENGINE | ENGINE_ATTRIBUTE | EVENT
    | EXCHANGE | EXECUTE | FIRST | FIXED | FLUSH | FOLLOWS
    | FULL | FUNCTION | GENERATED | GLOBAL | HANDLER | HASH
    | HELP | IGNORED | IMPORT | INSERT_METHOD | INSTALL | INSTANCE
    | INVISIBLE | INVOKER | KEY_BLOCK_SIZE | LANGUAGE | LOCAL | LOGFILE
    | MAX_ROWS | MEMORY | MERGE | MIN_ROWS | MODIFY | NAMES
    | NATIONAL | NCHAR | NO | NVARCHAR | OFFLINE | ONLINE
    | PACK_KEYS | PACKAGE | PAGE_CHECKSUM | PARSER | PARTIAL | PARTITIONING
    | PASSWORD | PERSISTENT | PRECEDES | PREPARE | REBUILD | REMOVE
    | REORGANIZE | REPAIR | RESET | RESOURCE | ROLE | ROLLBACK
    | ROW | ROW_FORMAT | RTREE | SAVEPOINT | SECONDARY_ENGINE_ATTRIBUTE | SECURITY
    | SEQUENCE | SERIAL | SERVER | SESSION | SIGNED | SIMPLE
    | SONAME | SRID | START | STATS_AUTO_RECALC | STATS_PERSISTENT | STATS_SAMPLE_PAGES
    | STOP | STORAGE | STORED | TABLES | TABLESPACE | TEMPORARY
    | TEMPTABLE | TRANSACTIONAL | TRUNCATE | UNDEFINED | UNICODE | UNINSTALL
    | UPGRADE | USER | VALIDATION | VIEW | VIRTUAL | VISIBLE
    | WITHOUT | XA | RETURNS | UNTIL | SCHEDULE | ATOMIC | VALUE
    ;
