/*
 * Syntax of the .pipeline language (docs/language.md). Rule names are what error messages and
 * the AST builder speak of. Keywords cannot name settings, so a `stage` written inside a stage
 * that was never closed is reported as a missing `}`.
 */
parser grammar PipelineGrammar;

options { tokenVocab = PipelineLexer; }

file : pipeline* EOF;

pipeline : PIPELINE name LBRACE pipelineItem* RBRACE;

pipelineItem : param | stage | parallel | finallyBlock | setting;

param : PARAM name (COLON paramType=ID)? (ASSIGN expr)?;

stage : STAGE name LBRACE setting* RBRACE;

parallel : PARALLEL name LBRACE parallelItem* RBRACE;

parallelItem : stage | setting;

finallyBlock : FINALLY LBRACE stage* RBRACE;

// `with { ... }` is the setting `with` whose value is a map.
setting : key=ID (ASSIGN expr | map);

name : ID;

// One left-recursive rule: ANTLR climbs precedence in a loop, far cheaper than a rule per
// level. Alternatives bind tighter the earlier they come: `!`, then `??`, comparisons,
// equality, `&&`, `||` (Expr.BinaryOp documents the same order).
expr
    : NOT expr                              # notExpr
    | expr op=COALESCE expr                 # binaryExpr
    | expr op=(LT | LE | GT | GE) expr      # binaryExpr
    | expr op=(EQ | NE) expr                # binaryExpr
    | expr op=AND expr                      # binaryExpr
    | expr op=OR expr                       # binaryExpr
    | primary                               # primaryExpr
    ;

primary
    : string                    # stringExpr
    | NUMBER                    # numberExpr
    | DURATION                  # durationExpr
    | BAD_DURATION              # badDurationExpr
    | (TRUE | FALSE)            # boolExpr
    | NULL                      # nullExpr
    | ref                       # refExpr
    | list                      # listExpr
    | map                       # mapExpr
    | LPAREN expr RPAREN        # parenExpr
    ;

// `pipeline` is a keyword, and also the root of `pipeline.name`.
ref : (ID | PIPELINE) (DOT segment)*;

segment : ID | keyword;

keyword : PIPELINE | PARAM | STAGE | PARALLEL | FINALLY;

list : LBRACKET (expr COMMA?)* RBRACKET;

map : LBRACE (mapEntry COMMA?)* RBRACE;

mapEntry : mapKey ASSIGN expr;

mapKey : ID | keyword | string;

string
    : STRING_OPEN stringPart* (STRING_CLOSE | STRING_NEWLINE)
    | TRIPLE_OPEN triplePart* TRIPLE_CLOSE
    ;

stringPart
    : STRING_TEXT
    | STRING_ESCAPE
    | STRING_DOLLAR
    | STRING_INTERP expr RBRACE
    ;

triplePart
    : TRIPLE_TEXT
    | TRIPLE_ESCAPE
    | TRIPLE_DOLLAR
    | TRIPLE_INTERP expr RBRACE
    ;
