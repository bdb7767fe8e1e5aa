#!/usr/bin/env node
import { createRequire as __mcpVetCreateRequire } from 'node:module';
const require = __mcpVetCreateRequire(import.meta.url);
import {
  LOCKFILE_NAME,
  buildLockEntry,
  changeToFinding,
  diffEntries,
  diffLocks,
  readLock,
  sha256,
  sortDeclarations,
  sortKeys,
  writeLock
} from "./chunk-ENJ3FDVH.js";
import {
  makeVisible
} from "./chunk-ZEJTREZT.js";
import {
  VERSION,
  compareFindings,
  evaluateFindings,
  resolvePolicy,
  vetPackage
} from "./chunk-42BJXOZX.js";
import "./chunk-OZXAZC2R.js";
import "./chunk-CCTMCVMV.js";
import "./chunk-QRJNDW6B.js";
import "./chunk-HOGLSIB3.js";
import {
  require_npa
} from "./chunk-GGYBWKUX.js";
import {
  require_semver
} from "./chunk-Z72EFVUK.js";
import {
  EXIT,
  VetError
} from "./chunk-OI56ITB4.js";
import {
  __toESM
} from "./chunk-ESI7J6K4.js";

// src/lock/cli.ts
import { resolve } from "node:path";

// src/lock/commands.ts
import path2 from "node:path";

// src/config/discover.ts
import { readFile, stat } from "node:fs/promises";
import path from "node:path";

// node_modules/jsonc-parser/lib/esm/impl/scanner.js
function createScanner(text, ignoreTrivia = false) {
  const len = text.length;
  let pos = 0, value = "", tokenOffset = 0, token = 16, lineNumber = 0, lineStartOffset = 0, tokenLineStartOffset = 0, prevTokenLineStartOffset = 0, scanError = 0;
  function scanHexDigits(count, exact) {
    let digits = 0;
    let value2 = 0;
    while (digits < count || !exact) {
      let ch = text.charCodeAt(pos);
      if (ch >= 48 && ch <= 57) {
        value2 = value2 * 16 + ch - 48;
      } else if (ch >= 65 && ch <= 70) {
        value2 = value2 * 16 + ch - 65 + 10;
      } else if (ch >= 97 && ch <= 102) {
        value2 = value2 * 16 + ch - 97 + 10;
      } else {
        break;
      }
      pos++;
      digits++;
    }
    if (digits < count) {
      value2 = -1;
    }
    return value2;
  }
  function setPosition(newPosition) {
    pos = newPosition;
    value = "";
    tokenOffset = 0;
    token = 16;
    scanError = 0;
  }
  function scanNumber() {
    let start = pos;
    if (text.charCodeAt(pos) === 48) {
      pos++;
    } else {
      pos++;
      while (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
      }
    }
    if (pos < text.length && text.charCodeAt(pos) === 46) {
      pos++;
      if (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
        while (pos < text.length && isDigit(text.charCodeAt(pos))) {
          pos++;
        }
      } else {
        scanError = 3;
        return text.substring(start, pos);
      }
    }
    let end = pos;
    if (pos < text.length && (text.charCodeAt(pos) === 69 || text.charCodeAt(pos) === 101)) {
      pos++;
      if (pos < text.length && text.charCodeAt(pos) === 43 || text.charCodeAt(pos) === 45) {
        pos++;
      }
      if (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
        while (pos < text.length && isDigit(text.charCodeAt(pos))) {
          pos++;
        }
        end = pos;
      } else {
        scanError = 3;
      }
    }
    return text.substring(start, end);
  }
  function scanString() {
    let result = "", start = pos;
    while (true) {
      if (pos >= len) {
        result += text.substring(start, pos);
        scanError = 2;
        break;
      }
      const ch = text.charCodeAt(pos);
      if (ch === 34) {
        result += text.substring(start, pos);
        pos++;
        break;
      }
      if (ch === 92) {
        result += text.substring(start, pos);
        pos++;
        if (pos >= len) {
          scanError = 2;
          break;
        }
        const ch2 = text.charCodeAt(pos++);
        switch (ch2) {
          case 34:
            result += '"';
            break;
          case 92:
            result += "\\";
            break;
          case 47:
            result += "/";
            break;
          case 98:
            result += "\b";
            break;
          case 102:
            result += "\f";
            break;
          case 110:
            result += "\n";
            break;
          case 114:
            result += "\r";
            break;
          case 116:
            result += "	";
            break;
          case 117:
            const ch3 = scanHexDigits(4, true);
            if (ch3 >= 0) {
              result += String.fromCharCode(ch3);
            } else {
              scanError = 4;
            }
            break;
          default:
            scanError = 5;
        }
        start = pos;
        continue;
      }
      if (ch >= 0 && ch <= 31) {
        if (isLineBreak(ch)) {
          result += text.substring(start, pos);
          scanError = 2;
          break;
        } else {
          scanError = 6;
        }
      }
      pos++;
    }
    return result;
  }
  function scanNext() {
    value = "";
    scanError = 0;
    tokenOffset = pos;
    lineStartOffset = lineNumber;
    prevTokenLineStartOffset = tokenLineStartOffset;
    if (pos >= len) {
      tokenOffset = len;
      return token = 17;
    }
    let code2 = text.charCodeAt(pos);
    if (isWhiteSpace(code2)) {
      do {
        pos++;
        value += String.fromCharCode(code2);
        code2 = text.charCodeAt(pos);
      } while (isWhiteSpace(code2));
      return token = 15;
    }
    if (isLineBreak(code2)) {
      pos++;
      value += String.fromCharCode(code2);
      if (code2 === 13 && text.charCodeAt(pos) === 10) {
        pos++;
        value += "\n";
      }
      lineNumber++;
      tokenLineStartOffset = pos;
      return token = 14;
    }
    switch (code2) {
      // tokens: []{}:,
      case 123:
        pos++;
        return token = 1;
      case 125:
        pos++;
        return token = 2;
      case 91:
        pos++;
        return token = 3;
      case 93:
        pos++;
        return token = 4;
      case 58:
        pos++;
        return token = 6;
      case 44:
        pos++;
        return token = 5;
      // strings
      case 34:
        pos++;
        value = scanString();
        return token = 10;
      // comments
      case 47:
        const start = pos - 1;
        if (text.charCodeAt(pos + 1) === 47) {
          pos += 2;
          while (pos < len) {
            if (isLineBreak(text.charCodeAt(pos))) {
              break;
            }
            pos++;
          }
          value = text.substring(start, pos);
          return token = 12;
        }
        if (text.charCodeAt(pos + 1) === 42) {
          pos += 2;
          const safeLength = len - 1;
          let commentClosed = false;
          while (pos < safeLength) {
            const ch = text.charCodeAt(pos);
            if (ch === 42 && text.charCodeAt(pos + 1) === 47) {
              pos += 2;
              commentClosed = true;
              break;
            }
            pos++;
            if (isLineBreak(ch)) {
              if (ch === 13 && text.charCodeAt(pos) === 10) {
                pos++;
              }
              lineNumber++;
              tokenLineStartOffset = pos;
            }
          }
          if (!commentClosed) {
            pos++;
            scanError = 1;
          }
          value = text.substring(start, pos);
          return token = 13;
        }
        value += String.fromCharCode(code2);
        pos++;
        return token = 16;
      // numbers
      case 45:
        value += String.fromCharCode(code2);
        pos++;
        if (pos === len || !isDigit(text.charCodeAt(pos))) {
          return token = 16;
        }
      // found a minus, followed by a number so
      // we fall through to proceed with scanning
      // numbers
      case 48:
      case 49:
      case 50:
      case 51:
      case 52:
      case 53:
      case 54:
      case 55:
      case 56:
      case 57:
        value += scanNumber();
        return token = 11;
      // literals and unknown symbols
      default:
        while (pos < len && isUnknownContentCharacter(code2)) {
          pos++;
          code2 = text.charCodeAt(pos);
        }
        if (tokenOffset !== pos) {
          value = text.substring(tokenOffset, pos);
          switch (value) {
            case "true":
              return token = 8;
            case "false":
              return token = 9;
            case "null":
              return token = 7;
          }
          return token = 16;
        }
        value += String.fromCharCode(code2);
        pos++;
        return token = 16;
    }
  }
  function isUnknownContentCharacter(code2) {
    if (isWhiteSpace(code2) || isLineBreak(code2)) {
      return false;
    }
    switch (code2) {
      case 125:
      case 93:
      case 123:
      case 91:
      case 34:
      case 58:
      case 44:
      case 47:
        return false;
    }
    return true;
  }
  function scanNextNonTrivia() {
    let result;
    do {
      result = scanNext();
    } while (result >= 12 && result <= 15);
    return result;
  }
  return {
    setPosition,
    getPosition: () => pos,
    scan: ignoreTrivia ? scanNextNonTrivia : scanNext,
    getToken: () => token,
    getTokenValue: () => value,
    getTokenOffset: () => tokenOffset,
    getTokenLength: () => pos - tokenOffset,
    getTokenStartLine: () => lineStartOffset,
    getTokenStartCharacter: () => tokenOffset - prevTokenLineStartOffset,
    getTokenError: () => scanError
  };
}
function isWhiteSpace(ch) {
  return ch === 32 || ch === 9;
}
function isLineBreak(ch) {
  return ch === 10 || ch === 13;
}
function isDigit(ch) {
  return ch >= 48 && ch <= 57;
}
var CharacterCodes;
(function(CharacterCodes2) {
  CharacterCodes2[CharacterCodes2["lineFeed"] = 10] = "lineFeed";
  CharacterCodes2[CharacterCodes2["carriageReturn"] = 13] = "carriageReturn";
  CharacterCodes2[CharacterCodes2["space"] = 32] = "space";
  CharacterCodes2[CharacterCodes2["_0"] = 48] = "_0";
  CharacterCodes2[CharacterCodes2["_1"] = 49] = "_1";
  CharacterCodes2[CharacterCodes2["_2"] = 50] = "_2";
  CharacterCodes2[CharacterCodes2["_3"] = 51] = "_3";
  CharacterCodes2[CharacterCodes2["_4"] = 52] = "_4";
  CharacterCodes2[CharacterCodes2["_5"] = 53] = "_5";
  CharacterCodes2[CharacterCodes2["_6"] = 54] = "_6";
  CharacterCodes2[CharacterCodes2["_7"] = 55] = "_7";
  CharacterCodes2[CharacterCodes2["_8"] = 56] = "_8";
  CharacterCodes2[CharacterCodes2["_9"] = 57] = "_9";
  CharacterCodes2[CharacterCodes2["a"] = 97] = "a";
  CharacterCodes2[CharacterCodes2["b"] = 98] = "b";
  CharacterCodes2[CharacterCodes2["c"] = 99] = "c";
  CharacterCodes2[CharacterCodes2["d"] = 100] = "d";
  CharacterCodes2[CharacterCodes2["e"] = 101] = "e";
  CharacterCodes2[CharacterCodes2["f"] = 102] = "f";
  CharacterCodes2[CharacterCodes2["g"] = 103] = "g";
  CharacterCodes2[CharacterCodes2["h"] = 104] = "h";
  CharacterCodes2[CharacterCodes2["i"] = 105] = "i";
  CharacterCodes2[CharacterCodes2["j"] = 106] = "j";
  CharacterCodes2[CharacterCodes2["k"] = 107] = "k";
  CharacterCodes2[CharacterCodes2["l"] = 108] = "l";
  CharacterCodes2[CharacterCodes2["m"] = 109] = "m";
  CharacterCodes2[CharacterCodes2["n"] = 110] = "n";
  CharacterCodes2[CharacterCodes2["o"] = 111] = "o";
  CharacterCodes2[CharacterCodes2["p"] = 112] = "p";
  CharacterCodes2[CharacterCodes2["q"] = 113] = "q";
  CharacterCodes2[CharacterCodes2["r"] = 114] = "r";
  CharacterCodes2[CharacterCodes2["s"] = 115] = "s";
  CharacterCodes2[CharacterCodes2["t"] = 116] = "t";
  CharacterCodes2[CharacterCodes2["u"] = 117] = "u";
  CharacterCodes2[CharacterCodes2["v"] = 118] = "v";
  CharacterCodes2[CharacterCodes2["w"] = 119] = "w";
  CharacterCodes2[CharacterCodes2["x"] = 120] = "x";
  CharacterCodes2[CharacterCodes2["y"] = 121] = "y";
  CharacterCodes2[CharacterCodes2["z"] = 122] = "z";
  CharacterCodes2[CharacterCodes2["A"] = 65] = "A";
  CharacterCodes2[CharacterCodes2["B"] = 66] = "B";
  CharacterCodes2[CharacterCodes2["C"] = 67] = "C";
  CharacterCodes2[CharacterCodes2["D"] = 68] = "D";
  CharacterCodes2[CharacterCodes2["E"] = 69] = "E";
  CharacterCodes2[CharacterCodes2["F"] = 70] = "F";
  CharacterCodes2[CharacterCodes2["G"] = 71] = "G";
  CharacterCodes2[CharacterCodes2["H"] = 72] = "H";
  CharacterCodes2[CharacterCodes2["I"] = 73] = "I";
  CharacterCodes2[CharacterCodes2["J"] = 74] = "J";
  CharacterCodes2[CharacterCodes2["K"] = 75] = "K";
  CharacterCodes2[CharacterCodes2["L"] = 76] = "L";
  CharacterCodes2[CharacterCodes2["M"] = 77] = "M";
  CharacterCodes2[CharacterCodes2["N"] = 78] = "N";
  CharacterCodes2[CharacterCodes2["O"] = 79] = "O";
  CharacterCodes2[CharacterCodes2["P"] = 80] = "P";
  CharacterCodes2[CharacterCodes2["Q"] = 81] = "Q";
  CharacterCodes2[CharacterCodes2["R"] = 82] = "R";
  CharacterCodes2[CharacterCodes2["S"] = 83] = "S";
  CharacterCodes2[CharacterCodes2["T"] = 84] = "T";
  CharacterCodes2[CharacterCodes2["U"] = 85] = "U";
  CharacterCodes2[CharacterCodes2["V"] = 86] = "V";
  CharacterCodes2[CharacterCodes2["W"] = 87] = "W";
  CharacterCodes2[CharacterCodes2["X"] = 88] = "X";
  CharacterCodes2[CharacterCodes2["Y"] = 89] = "Y";
  CharacterCodes2[CharacterCodes2["Z"] = 90] = "Z";
  CharacterCodes2[CharacterCodes2["asterisk"] = 42] = "asterisk";
  CharacterCodes2[CharacterCodes2["backslash"] = 92] = "backslash";
  CharacterCodes2[CharacterCodes2["closeBrace"] = 125] = "closeBrace";
  CharacterCodes2[CharacterCodes2["closeBracket"] = 93] = "closeBracket";
  CharacterCodes2[CharacterCodes2["colon"] = 58] = "colon";
  CharacterCodes2[CharacterCodes2["comma"] = 44] = "comma";
  CharacterCodes2[CharacterCodes2["dot"] = 46] = "dot";
  CharacterCodes2[CharacterCodes2["doubleQuote"] = 34] = "doubleQuote";
  CharacterCodes2[CharacterCodes2["minus"] = 45] = "minus";
  CharacterCodes2[CharacterCodes2["openBrace"] = 123] = "openBrace";
  CharacterCodes2[CharacterCodes2["openBracket"] = 91] = "openBracket";
  CharacterCodes2[CharacterCodes2["plus"] = 43] = "plus";
  CharacterCodes2[CharacterCodes2["slash"] = 47] = "slash";
  CharacterCodes2[CharacterCodes2["formFeed"] = 12] = "formFeed";
  CharacterCodes2[CharacterCodes2["tab"] = 9] = "tab";
})(CharacterCodes || (CharacterCodes = {}));

// node_modules/jsonc-parser/lib/esm/impl/string-intern.js
var cachedSpaces = new Array(20).fill(0).map((_, index) => {
  return " ".repeat(index);
});
var maxCachedValues = 200;
var cachedBreakLinesWithSpaces = {
  " ": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\n" + " ".repeat(index);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r" + " ".repeat(index);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r\n" + " ".repeat(index);
    })
  },
  "	": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\n" + "	".repeat(index);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r" + "	".repeat(index);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r\n" + "	".repeat(index);
    })
  }
};

// node_modules/jsonc-parser/lib/esm/impl/parser.js
var ParseOptions;
(function(ParseOptions2) {
  ParseOptions2.DEFAULT = {
    allowTrailingComma: false
  };
})(ParseOptions || (ParseOptions = {}));
function parse(text, errors = [], options = ParseOptions.DEFAULT) {
  let currentProperty = null;
  let currentParent = [];
  const previousParents = [];
  function onValue(value) {
    if (Array.isArray(currentParent)) {
      currentParent.push(value);
    } else if (currentProperty !== null) {
      currentParent[currentProperty] = value;
    }
  }
  const visitor = {
    onObjectBegin: () => {
      const object = {};
      onValue(object);
      previousParents.push(currentParent);
      currentParent = object;
      currentProperty = null;
    },
    onObjectProperty: (name) => {
      currentProperty = name;
    },
    onObjectEnd: () => {
      currentParent = previousParents.pop();
    },
    onArrayBegin: () => {
      const array = [];
      onValue(array);
      previousParents.push(currentParent);
      currentParent = array;
      currentProperty = null;
    },
    onArrayEnd: () => {
      currentParent = previousParents.pop();
    },
    onLiteralValue: onValue,
    onError: (error, offset, length) => {
      errors.push({ error, offset, length });
    }
  };
  visit(text, visitor, options);
  return currentParent[0];
}
function visit(text, visitor, options = ParseOptions.DEFAULT) {
  const _scanner = createScanner(text, false);
  const _jsonPath = [];
  let suppressedCallbacks = 0;
  function toNoArgVisit(visitFunction) {
    return visitFunction ? () => suppressedCallbacks === 0 && visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisit(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisitWithPath(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice()) : () => true;
  }
  function toBeginVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks++;
      } else {
        let cbReturn = visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice());
        if (cbReturn === false) {
          suppressedCallbacks = 1;
        }
      }
    } : () => true;
  }
  function toEndVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks--;
      }
      if (suppressedCallbacks === 0) {
        visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter());
      }
    } : () => true;
  }
  const onObjectBegin = toBeginVisit(visitor.onObjectBegin), onObjectProperty = toOneArgVisitWithPath(visitor.onObjectProperty), onObjectEnd = toEndVisit(visitor.onObjectEnd), onArrayBegin = toBeginVisit(visitor.onArrayBegin), onArrayEnd = toEndVisit(visitor.onArrayEnd), onLiteralValue = toOneArgVisitWithPath(visitor.onLiteralValue), onSeparator = toOneArgVisit(visitor.onSeparator), onComment = toNoArgVisit(visitor.onComment), onError = toOneArgVisit(visitor.onError);
  const disallowComments = options && options.disallowComments;
  const allowTrailingComma = options && options.allowTrailingComma;
  function scanNext() {
    while (true) {
      const token = _scanner.scan();
      switch (_scanner.getTokenError()) {
        case 4:
          handleError(
            14
            /* ParseErrorCode.InvalidUnicode */
          );
          break;
        case 5:
          handleError(
            15
            /* ParseErrorCode.InvalidEscapeCharacter */
          );
          break;
        case 3:
          handleError(
            13
            /* ParseErrorCode.UnexpectedEndOfNumber */
          );
          break;
        case 1:
          if (!disallowComments) {
            handleError(
              11
              /* ParseErrorCode.UnexpectedEndOfComment */
            );
          }
          break;
        case 2:
          handleError(
            12
            /* ParseErrorCode.UnexpectedEndOfString */
          );
          break;
        case 6:
          handleError(
            16
            /* ParseErrorCode.InvalidCharacter */
          );
          break;
      }
      switch (token) {
        case 12:
        case 13:
          if (disallowComments) {
            handleError(
              10
              /* ParseErrorCode.InvalidCommentToken */
            );
          } else {
            onComment();
          }
          break;
        case 16:
          handleError(
            1
            /* ParseErrorCode.InvalidSymbol */
          );
          break;
        case 15:
        case 14:
          break;
        default:
          return token;
      }
    }
  }
  function handleError(error, skipUntilAfter = [], skipUntil = []) {
    onError(error);
    if (skipUntilAfter.length + skipUntil.length > 0) {
      let token = _scanner.getToken();
      while (token !== 17) {
        if (skipUntilAfter.indexOf(token) !== -1) {
          scanNext();
          break;
        } else if (skipUntil.indexOf(token) !== -1) {
          break;
        }
        token = scanNext();
      }
    }
  }
  function parseString2(isValue) {
    const value = _scanner.getTokenValue();
    if (isValue) {
      onLiteralValue(value);
    } else {
      onObjectProperty(value);
      _jsonPath.push(value);
    }
    scanNext();
    return true;
  }
  function parseLiteral() {
    switch (_scanner.getToken()) {
      case 11:
        const tokenValue = _scanner.getTokenValue();
        let value = Number(tokenValue);
        if (isNaN(value)) {
          handleError(
            2
            /* ParseErrorCode.InvalidNumberFormat */
          );
          value = 0;
        }
        onLiteralValue(value);
        break;
      case 7:
        onLiteralValue(null);
        break;
      case 8:
        onLiteralValue(true);
        break;
      case 9:
        onLiteralValue(false);
        break;
      default:
        return false;
    }
    scanNext();
    return true;
  }
  function parseProperty() {
    if (_scanner.getToken() !== 10) {
      handleError(3, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
      return false;
    }
    parseString2(false);
    if (_scanner.getToken() === 6) {
      onSeparator(":");
      scanNext();
      if (!parseValue()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
    } else {
      handleError(5, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
    }
    _jsonPath.pop();
    return true;
  }
  function parseObject() {
    onObjectBegin();
    scanNext();
    let needsComma = false;
    while (_scanner.getToken() !== 2 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 2 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (!parseProperty()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onObjectEnd();
    if (_scanner.getToken() !== 2) {
      handleError(7, [
        2
        /* SyntaxKind.CloseBraceToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseArray2() {
    onArrayBegin();
    scanNext();
    let isFirstElement = true;
    let needsComma = false;
    while (_scanner.getToken() !== 4 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 4 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (isFirstElement) {
        _jsonPath.push(0);
        isFirstElement = false;
      } else {
        _jsonPath[_jsonPath.length - 1]++;
      }
      if (!parseValue()) {
        handleError(4, [], [
          4,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onArrayEnd();
    if (!isFirstElement) {
      _jsonPath.pop();
    }
    if (_scanner.getToken() !== 4) {
      handleError(8, [
        4
        /* SyntaxKind.CloseBracketToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseValue() {
    switch (_scanner.getToken()) {
      case 3:
        return parseArray2();
      case 1:
        return parseObject();
      case 10:
        return parseString2(true);
      default:
        return parseLiteral();
    }
  }
  scanNext();
  if (_scanner.getToken() === 17) {
    if (options.allowEmptyContent) {
      return true;
    }
    handleError(4, [], []);
    return false;
  }
  if (!parseValue()) {
    handleError(4, [], []);
    return false;
  }
  if (_scanner.getToken() !== 17) {
    handleError(9, [], []);
  }
  return true;
}

// node_modules/jsonc-parser/lib/esm/main.js
var ScanError;
(function(ScanError2) {
  ScanError2[ScanError2["None"] = 0] = "None";
  ScanError2[ScanError2["UnexpectedEndOfComment"] = 1] = "UnexpectedEndOfComment";
  ScanError2[ScanError2["UnexpectedEndOfString"] = 2] = "UnexpectedEndOfString";
  ScanError2[ScanError2["UnexpectedEndOfNumber"] = 3] = "UnexpectedEndOfNumber";
  ScanError2[ScanError2["InvalidUnicode"] = 4] = "InvalidUnicode";
  ScanError2[ScanError2["InvalidEscapeCharacter"] = 5] = "InvalidEscapeCharacter";
  ScanError2[ScanError2["InvalidCharacter"] = 6] = "InvalidCharacter";
})(ScanError || (ScanError = {}));
var SyntaxKind;
(function(SyntaxKind2) {
  SyntaxKind2[SyntaxKind2["OpenBraceToken"] = 1] = "OpenBraceToken";
  SyntaxKind2[SyntaxKind2["CloseBraceToken"] = 2] = "CloseBraceToken";
  SyntaxKind2[SyntaxKind2["OpenBracketToken"] = 3] = "OpenBracketToken";
  SyntaxKind2[SyntaxKind2["CloseBracketToken"] = 4] = "CloseBracketToken";
  SyntaxKind2[SyntaxKind2["CommaToken"] = 5] = "CommaToken";
  SyntaxKind2[SyntaxKind2["ColonToken"] = 6] = "ColonToken";
  SyntaxKind2[SyntaxKind2["NullKeyword"] = 7] = "NullKeyword";
  SyntaxKind2[SyntaxKind2["TrueKeyword"] = 8] = "TrueKeyword";
  SyntaxKind2[SyntaxKind2["FalseKeyword"] = 9] = "FalseKeyword";
  SyntaxKind2[SyntaxKind2["StringLiteral"] = 10] = "StringLiteral";
  SyntaxKind2[SyntaxKind2["NumericLiteral"] = 11] = "NumericLiteral";
  SyntaxKind2[SyntaxKind2["LineCommentTrivia"] = 12] = "LineCommentTrivia";
  SyntaxKind2[SyntaxKind2["BlockCommentTrivia"] = 13] = "BlockCommentTrivia";
  SyntaxKind2[SyntaxKind2["LineBreakTrivia"] = 14] = "LineBreakTrivia";
  SyntaxKind2[SyntaxKind2["Trivia"] = 15] = "Trivia";
  SyntaxKind2[SyntaxKind2["Unknown"] = 16] = "Unknown";
  SyntaxKind2[SyntaxKind2["EOF"] = 17] = "EOF";
})(SyntaxKind || (SyntaxKind = {}));
var parse2 = parse;
var ParseErrorCode;
(function(ParseErrorCode2) {
  ParseErrorCode2[ParseErrorCode2["InvalidSymbol"] = 1] = "InvalidSymbol";
  ParseErrorCode2[ParseErrorCode2["InvalidNumberFormat"] = 2] = "InvalidNumberFormat";
  ParseErrorCode2[ParseErrorCode2["PropertyNameExpected"] = 3] = "PropertyNameExpected";
  ParseErrorCode2[ParseErrorCode2["ValueExpected"] = 4] = "ValueExpected";
  ParseErrorCode2[ParseErrorCode2["ColonExpected"] = 5] = "ColonExpected";
  ParseErrorCode2[ParseErrorCode2["CommaExpected"] = 6] = "CommaExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBraceExpected"] = 7] = "CloseBraceExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBracketExpected"] = 8] = "CloseBracketExpected";
  ParseErrorCode2[ParseErrorCode2["EndOfFileExpected"] = 9] = "EndOfFileExpected";
  ParseErrorCode2[ParseErrorCode2["InvalidCommentToken"] = 10] = "InvalidCommentToken";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfComment"] = 11] = "UnexpectedEndOfComment";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfString"] = 12] = "UnexpectedEndOfString";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfNumber"] = 13] = "UnexpectedEndOfNumber";
  ParseErrorCode2[ParseErrorCode2["InvalidUnicode"] = 14] = "InvalidUnicode";
  ParseErrorCode2[ParseErrorCode2["InvalidEscapeCharacter"] = 15] = "InvalidEscapeCharacter";
  ParseErrorCode2[ParseErrorCode2["InvalidCharacter"] = 16] = "InvalidCharacter";
})(ParseErrorCode || (ParseErrorCode = {}));
function printParseErrorCode(code2) {
  switch (code2) {
    case 1:
      return "InvalidSymbol";
    case 2:
      return "InvalidNumberFormat";
    case 3:
      return "PropertyNameExpected";
    case 4:
      return "ValueExpected";
    case 5:
      return "ColonExpected";
    case 6:
      return "CommaExpected";
    case 7:
      return "CloseBraceExpected";
    case 8:
      return "CloseBracketExpected";
    case 9:
      return "EndOfFileExpected";
    case 10:
      return "InvalidCommentToken";
    case 11:
      return "UnexpectedEndOfComment";
    case 12:
      return "UnexpectedEndOfString";
    case 13:
      return "UnexpectedEndOfNumber";
    case 14:
      return "InvalidUnicode";
    case 15:
      return "InvalidEscapeCharacter";
    case 16:
      return "InvalidCharacter";
  }
  return "<unknown ParseErrorCode>";
}

// node_modules/smol-toml/dist/error.js
function getLineColFromPtr(string, ptr) {
  let lines = string.slice(0, ptr).split(/\r?\n/);
  return [lines.length, lines.pop().length + 1];
}
function makeCodeBlock(string, line, column) {
  let lines = string.split(/\r?\n/);
  let codeblock = "";
  let numberLen = (Math.log10(line + 1) | 0) + 1;
  for (let i = line - 1; i <= line + 1; i++) {
    let l = lines[i - 1];
    if (!l)
      continue;
    codeblock += i.toString().padEnd(numberLen, " ");
    codeblock += ":  ";
    codeblock += l;
    codeblock += "\n";
    if (i === line) {
      codeblock += " ".repeat(numberLen + column + 2);
      codeblock += "^\n";
    }
  }
  return codeblock;
}
var TomlError = class _TomlError extends Error {
  line;
  column;
  codeblock;
  constructor(message, options) {
    const [line, column] = getLineColFromPtr(options.toml, options.ptr);
    const codeblock = makeCodeBlock(options.toml, line, column);
    super(`Invalid TOML document: ${message}

${codeblock}`, options);
    this.line = line;
    this.column = column;
    this.codeblock = codeblock;
  }
  /** @internal */
  static x(message, ctx, ptr) {
    throw new _TomlError(message, { toml: ctx.s, ptr: ptr ?? ctx.p });
  }
};

// node_modules/smol-toml/dist/primitive.js
function parseString(ctx) {
  let startPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p++);
  let first = c;
  let isLiteral = c === 39;
  let isMultiline = c === ctx.s.charCodeAt(ctx.p) && c === ctx.s.charCodeAt(ctx.p + 1);
  if (isMultiline) {
    if ((c = ctx.s.charCodeAt(ctx.p += 2)) === 10)
      ctx.p++;
    else if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)
      ctx.p += 2;
  }
  let parsed = "";
  let sliceStart = ctx.p;
  let state = 0;
  for (; ctx.p < ctx.s.length; ctx.p++) {
    c = ctx.s.charCodeAt(ctx.p);
    if (isMultiline && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)) {
      state = state && 3;
    } else if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in strings", ctx);
    } else if ((!state || state === 3) && c === first && (!isMultiline || ctx.s.charCodeAt(ctx.p + 1) === first && ctx.s.charCodeAt(ctx.p + 2) === first)) {
      if (isMultiline) {
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
        if (ctx.s.charCodeAt(ctx.p + 3) === first)
          ctx.p++;
      }
      if (!state) {
        let s = ctx.s.slice(sliceStart, ctx.p);
        parsed = parsed ? parsed + s : s;
      }
      ctx.p += isMultiline ? 3 : 1;
      return parsed;
    } else if (!state) {
      if (!isLiteral && c === 92) {
        parsed += ctx.s.slice(sliceStart, sliceStart = ctx.p);
        state = 1;
      }
    } else if (state === 1) {
      if (c === 120 || c === 117 || c === 85) {
        let errPtr = ctx.p++ - 1;
        let value = 0;
        let len = c === 120 ? 2 : c === 117 ? 4 : 8;
        for (let j = 0; j < len; j++, ctx.p++) {
          let hex = ctx.s.charCodeAt(ctx.p);
          let digit = (
            /* 0-9 */
            hex >= 48 && hex <= 57 ? hex - 48 : (
              /* A-F */
              hex >= 65 && hex <= 70 ? hex - 65 + 10 : (
                /* a-f */
                hex >= 97 && hex <= 102 ? hex - 97 + 10 : -1
              )
            )
          );
          if (digit < 0)
            TomlError.x("invalid non-hex character in unicode escape", ctx);
          value = value << 4 | digit;
        }
        if (value < 0 || value > 1114111 || value >= 55296 && value <= 57343) {
          TomlError.x("invalid unicode escape", ctx, errPtr);
        }
        parsed += String.fromCodePoint(value);
        sliceStart = ctx.p--;
        state = 0;
      } else if (isMultiline && (c === 32 || c === 9)) {
        state = 2;
      } else {
        if (c === 98)
          parsed += "\b";
        else if (c === 116)
          parsed += "	";
        else if (c === 110)
          parsed += "\n";
        else if (c === 102)
          parsed += "\f";
        else if (c === 114)
          parsed += "\r";
        else if (c === 101)
          parsed += "\x1B";
        else if (c === 34)
          parsed += '"';
        else if (c === 92)
          parsed += "\\";
        else
          TomlError.x("unrecognised escape sequence", ctx);
        sliceStart = ctx.p + 1;
        state = 0;
      }
    } else if (c !== 32 && c !== 9) {
      if (state === 2)
        TomlError.x("invalid escape: only line-ending whitespace may be escaped", ctx, sliceStart);
      state = !isLiteral && c === 92 ? 1 : 0;
      sliceStart = ctx.p;
    }
  }
  TomlError.x("unfinished string", ctx, startPtr);
}

// node_modules/smol-toml/dist/date.js
var DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})?[Tt ]?(?:(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|z|[-+]\d{2}:\d{2})?$/i;
var TomlDate = class _TomlDate extends Date {
  #hasDate = false;
  #hasTime = false;
  #offset = null;
  constructor(date, fasttype, unsafeDelim) {
    let hasDate = true;
    let hasTime = true;
    let offset = "Z";
    let c;
    if (typeof date === "string") {
      if (fasttype)
        prep: {
          if (fasttype < 3) {
            if (+date.slice(11, 13) > 23) {
              date = "";
              break prep;
            }
            if (fasttype === 2) {
              offset = null;
              date += "Z";
            } else if ((c = date.charCodeAt(date.length - 1)) !== 90 && c !== 122) {
              offset = date.slice(date.length - 6);
            }
            if (unsafeDelim)
              date = date.slice(0, 10) + "T" + date.slice(11);
          } else if (fasttype === 4) {
            date = +date.slice(0, 2) > 23 ? "" : `0000-01-01T${date}Z`;
          }
          hasDate = fasttype !== 4;
          hasTime = fasttype !== 3;
        }
      else {
        let match = date.match(DATE_TIME_RE);
        if (match) {
          if (!match[1]) {
            hasDate = false;
            date = `0000-01-01T${date}`;
          }
          hasTime = !!match[2];
          hasTime && date[10] === " " && (date = date.replace(" ", "T"));
          if (match[2] && +match[2] > 23) {
            date = "";
          } else {
            offset = match[3] || null;
            if (!offset && hasTime)
              date += "Z";
          }
        } else {
          date = "";
        }
      }
    }
    super(date);
    if (!isNaN(this.getTime())) {
      this.#hasDate = hasDate;
      this.#hasTime = hasTime;
      this.#offset = offset;
    }
  }
  isDateTime() {
    return this.#hasDate && this.#hasTime;
  }
  isLocal() {
    return !this.#hasDate || !this.#hasTime || !this.#offset;
  }
  isDate() {
    return this.#hasDate && !this.#hasTime;
  }
  isTime() {
    return this.#hasTime && !this.#hasDate;
  }
  isValid() {
    return this.#hasDate || this.#hasTime;
  }
  toISOString() {
    let iso = super.toISOString();
    if (this.isDate())
      return iso.slice(0, 10);
    if (this.isTime())
      return iso.slice(11, 23);
    if (this.#offset === null)
      return iso.slice(0, -1);
    if (this.#offset === "Z" || this.#offset === "z")
      return iso;
    let offset = +this.#offset.slice(1, 3) * 60 + +this.#offset.slice(4, 6);
    offset = this.#offset[0] === "-" ? offset : -offset;
    let offsetDate = new Date(this.getTime() - offset * 6e4);
    return offsetDate.toISOString().slice(0, -1) + this.#offset;
  }
  static wrapAsOffsetDateTime(jsDate, offset = "Z") {
    let date = new _TomlDate(jsDate);
    date.#offset = offset;
    return date;
  }
  static wrapAsLocalDateTime(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#offset = null;
    return date;
  }
  static wrapAsLocalDate(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#hasTime = false;
    date.#offset = null;
    return date;
  }
  static wrapAsLocalTime(jsDate) {
    let date = new _TomlDate(jsDate);
    date.#hasDate = false;
    date.#offset = null;
    return date;
  }
};

// node_modules/smol-toml/dist/extract.js
function isDigit2(char, base2 = 10) {
  return base2 === 16 ? char > 47 && char < 58 || char > 64 && char < 71 || char > 96 && char < 103 : char > 47 && char < 48 + base2;
}
function isEndOfValue(char, delim) {
  return char === 32 || char === 9 || char === 10 || char === 13 || // Structure end or next value delimiter
  delim && (char === delim || char === 44) || // Comment
  char === 35;
}
function extractValue(ctx, end) {
  let errPtr = ctx.p;
  let c = ctx.s.charCodeAt(ctx.p);
  if (c === 91 || c === 123) {
    ctx.d-- || TomlError.x("document contains excessively nested structures. aborting.", ctx);
    let value = c === 91 ? parseArray(ctx) : parseInlineTable(ctx);
    ctx.d++;
    return value;
  }
  if (c === 34 || c === 39) {
    return parseString(ctx);
  }
  if (c === 116) {
    if (ctx.s.charCodeAt(++ctx.p) !== 114 || ctx.s.charCodeAt(++ctx.p) !== 117 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, true;
  }
  if (c === 102) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 108 || ctx.s.charCodeAt(++ctx.p) !== 115 || ctx.s.charCodeAt(++ctx.p) !== 101)
      TomlError.x("invalid value", ctx, errPtr);
    return ctx.p++, false;
  }
  if (c === 43 || c === 45) {
    return parseNumber(ctx, ctx.p, ctx.s.charCodeAt(++ctx.p), 44 - c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 4) === 45 && ctx.s.charCodeAt(ctx.p + 7) === 45) {
    return parseDate(ctx, c, end);
  }
  if (ctx.s.charCodeAt(ctx.p + 2) === 58) {
    return parseTime(ctx, c, end);
  }
  return parseNumber(ctx, ctx.p, c, 0, end);
}
function parseNumber(ctx, startPtr, startChr, sign, endChr) {
  let c = startChr;
  let state = 0;
  let hasUnderscores = false;
  if (c === 105) {
    if (ctx.s.charCodeAt(++ctx.p) !== 110 || ctx.s.charCodeAt(++ctx.p) !== 102)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, (sign || 1) / 0;
  }
  if (c === 110) {
    if (ctx.s.charCodeAt(++ctx.p) !== 97 || ctx.s.charCodeAt(++ctx.p) !== 110)
      TomlError.x("invalid value", ctx, startPtr);
    return ctx.p++, NaN;
  }
  if (c === 48) {
    if (++ctx.p >= ctx.s.length || isEndOfValue(c = ctx.s.charCodeAt(ctx.p), endChr))
      return ctx.bi === true ? 0n : 0;
    if (!sign) {
      if (c === 120)
        return parseIntegerBaseN(ctx, startPtr, 16, endChr);
      else if (c === 98)
        return parseIntegerBaseN(ctx, startPtr, 2, endChr);
      else if (c === 111)
        return parseIntegerBaseN(ctx, startPtr, 8, endChr);
    }
    if (c === 46)
      state = 2;
    else if (c === 101 || c === 69)
      state = 4;
    else
      TomlError.x("illegal leading zero", ctx, startPtr);
  } else if (!isDigit2(c))
    TomlError.x("invalid value", ctx, startPtr);
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (!state)
      state = 1;
    if (c === 95) {
      if (!(state & 1))
        TomlError.x("illegal underscore", ctx);
      state += 11;
      hasUnderscores = true;
    } else if (state === 1 && c === 46)
      state = 2;
    else if ((state === 1 || state === 3) && (c === 101 || c === 69))
      state = 4;
    else if (state === 4 && (c === 43 || c === 45)) {
      state = 6;
    } else if (!isDigit2(c))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (state > 9)
      state -= 11;
    else if (!(state & 1))
      state++;
  }
  if (!state) {
    let val = (startChr - 48) * (sign || 1);
    return ctx.bi === true ? BigInt(val) : val;
  }
  if (!(state & 1))
    TomlError.x("unfinished numeric value", ctx, startPtr);
  let str = ctx.s.slice(startPtr, ctx.p);
  if (hasUnderscores)
    str = str.replaceAll("_", "");
  return state > 1 ? parseFloat(str) : parseInteger(ctx, str, 10, startPtr);
}
function parseIntegerBaseN(ctx, startPtr, base2, endChr) {
  let c, underscore = 1;
  while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
    if (c === 95) {
      if (underscore & 1)
        TomlError.x("illegal underscore", ctx);
      underscore = 3;
    } else if (!isDigit2(c, base2))
      TomlError.x(`illegal character in numeric literal`, ctx);
    else if (underscore & 1)
      underscore--;
  }
  if (underscore & 1)
    TomlError.x("unfinished numeric value", ctx);
  let str = ctx.s.slice(startPtr + 2, ctx.p);
  if (underscore)
    str = str.replaceAll("_", "");
  return parseInteger(ctx, str, base2, startPtr);
}
function parseInteger(ctx, str, base2, startPtr) {
  if (ctx.bi !== true)
    int: {
      let val = parseInt(str, base2);
      if (!Number.isSafeInteger(val)) {
        if (ctx.bi)
          break int;
        TomlError.x("integer value cannot be represented losslessly", ctx, startPtr);
      }
      return val;
    }
  return base2 === 10 ? BigInt(str) : BigInt((base2 === 2 ? "0b" : base2 === 8 ? "0o" : "0x") + str);
}
function parseDate(ctx, c, endChr) {
  let startPtr = ctx.p++, unsafeSeparator;
  if (!isDigit2(c) || !isDigit2(ctx.s.charCodeAt(ctx.p++)) || !isDigit2(ctx.s.charCodeAt(ctx.p++)) || !isDigit2(ctx.s.charCodeAt(ctx.p++))) {
    return parseNumber(ctx, ctx.p = startPtr, c, 0, endChr);
  }
  ctx.p += 5;
  if (!isDigit2(ctx.s.charCodeAt(ctx.p++)))
    TomlError.x("invalid date-time: date part is malformed", ctx, startPtr);
  if (ctx.p >= ctx.s.length || ((c = ctx.s.charCodeAt(ctx.p)) !== 32 || (unsafeSeparator = true, !isDigit2(ctx.s.charCodeAt(ctx.p + 1)))) && c !== 84 && c !== 116) {
    let t2 = ctx.s.slice(startPtr, ctx.p);
    return readDate(ctx, t2, 3, false, startPtr);
  }
  if (ctx.s.charCodeAt(ctx.p += 3) !== 58)
    TomlError.x("invalid date-time: time part is malformed", ctx, startPtr);
  if (ctx.s.charCodeAt(ctx.p += 3) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit2(ctx.s.charCodeAt(++ctx.p)))
      ;
  if (c = ctx.s.charCodeAt(ctx.p)) {
    if (c === 90 || c === 122) {
      let t2 = ctx.s.slice(startPtr, ++ctx.p);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, "[+00:00]");
    }
    if (c === 43 || c === 45) {
      let t2 = ctx.s.slice(startPtr, ctx.p += 6);
      return readDate(ctx, t2, 1, unsafeSeparator, startPtr, !ctx.ld && "[" + ctx.s.slice(ctx.p - 6, ctx.p) + "]");
    }
  }
  let t = ctx.s.slice(startPtr, ctx.p);
  return readDate(ctx, t, 2, unsafeSeparator, startPtr);
}
function parseTime(ctx, c, endChr) {
  let start = ctx.p;
  if (!isDigit2(c) || !isDigit2(ctx.s.charCodeAt(++ctx.p))) {
    return parseNumber(ctx, --ctx.p, c, 0, endChr);
  }
  if (ctx.s.charCodeAt(ctx.p += 4) === 58)
    ctx.p += 3;
  if (ctx.s.charCodeAt(ctx.p) === 46)
    while (isDigit2(ctx.s.charCodeAt(++ctx.p)))
      ;
  let t = ctx.s.slice(start, ctx.p);
  return readDate(ctx, t, 4, false, start);
}
function readDate(ctx, str, type, unsafeDelim, errPtr, temporalSuffix) {
  if (ctx.ld) {
    let date = new TomlDate(str, type, unsafeDelim);
    if (!date.isValid())
      TomlError.x("invalid date", ctx, errPtr);
    return date;
  }
  try {
    if (temporalSuffix)
      str += temporalSuffix;
    switch (type) {
      case 1:
        return Temporal.ZonedDateTime.from(str);
      case 2:
        return Temporal.PlainDateTime.from(str);
      case 3:
        return Temporal.PlainDate.from(str);
      case 4:
        return Temporal.PlainTime.from(str);
    }
  } catch (e) {
    TomlError.x(e instanceof Error ? e.message : "" + e, ctx, errPtr);
  }
}

// node_modules/smol-toml/dist/util.js
function skipComment(ctx) {
  for (; ctx.p < ctx.s.length; ctx.p++) {
    let c = ctx.s.charCodeAt(ctx.p);
    if (c === 10)
      break;
    if (c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10) {
      ctx.p++;
      break;
    }
    if (c < 32 && c !== 9 || c === 127) {
      TomlError.x("control characters are not allowed in comments", ctx);
    }
  }
}
function skipVoid(ctx, banNewLines, banComments) {
  let c;
  while (ctx.p < ctx.s.length) {
    while (ctx.p < ctx.s.length && ((c = ctx.s.charCodeAt(ctx.p)) === 32 || c === 9 || !banNewLines && (c === 10 || c === 13 && ctx.s.charCodeAt(ctx.p + 1) === 10)))
      ctx.p++;
    if (banComments || c !== 35)
      break;
    skipComment(ctx);
  }
}

// node_modules/smol-toml/dist/struct.js
function parseKey(ctx, end = 61) {
  let startPtr;
  let state = 0;
  let parsed = [];
  let sliceStart;
  let c = ctx.s.charCodeAt(startPtr = ctx.p);
  do {
    if (c === end) {
      if (!state)
        TomlError.x("unexpected end of key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      return ctx.p++, parsed;
    } else if (c === 46) {
      if (!state)
        TomlError.x("illegal empty bare key", ctx);
      if (state === 1)
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
      state = 0;
    } else if (!state && (c === 34 || c === 39)) {
      if (c === ctx.s.charCodeAt(ctx.p + 1) && c === ctx.s.charCodeAt(ctx.p + 2))
        TomlError.x("illegal quoted key: multiline strings are not allowed", ctx);
      parsed.push(parseString(ctx));
      state = 2;
      ctx.p--;
    } else if (c === 32 || c === 9) {
      if (state === 1) {
        parsed.push(ctx.s.slice(sliceStart, ctx.p));
        state = 2;
      }
    } else if (state === 2 || c < 48 && c !== 45 || c > 57 && c < 65 || c > 90 && c < 97 && c !== 95 || c > 122) {
      TomlError.x("illegal character in key", ctx);
    } else if (!state) {
      state = 1;
      sliceStart = ctx.p;
    }
  } while (c = ctx.s.charCodeAt(++ctx.p));
  TomlError.x("incomplete key-value: cannot find end of key", ctx, startPtr);
}
function parseInlineTable(ctx) {
  let startPtr = ctx.p++;
  let res = /* @__PURE__ */ Object.create(null);
  let seen = /* @__PURE__ */ new Set();
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 125) {
      ctx.p++;
      return res;
    }
    let k;
    let t = res;
    let hasOwn = false;
    let errPtr = ctx.p;
    let key = parseKey(ctx);
    for (let i = 0; i < key.length; i++) {
      if (i)
        t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      k = key[i];
      if ((hasOwn = Object.hasOwn(t, k)) && (typeof t[k] !== "object" || seen.has(t[k]))) {
        TomlError.x("trying to redefine an already defined value", ctx, errPtr);
      }
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor")) {
        t = ctx.uk !== 1 && TomlError.x("document contains an unsafe property", ctx, errPtr);
        break;
      }
      if (!hasOwn && unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
      }
    }
    if (hasOwn) {
      TomlError.x("trying to redefine an already defined value", ctx, errPtr);
    }
    skipVoid(ctx, true, true);
    let value = extractValue(
      ctx,
      125
      /* } */
    );
    if (t && typeof (t[k] = value) === "object")
      seen.add(value);
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 125) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished table", ctx, startPtr);
}
function parseArray(ctx) {
  let startPtr = ctx.p++;
  let res = [];
  let c;
  while (ctx.p < ctx.s.length) {
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p)) === 93) {
      ctx.p++;
      return res;
    }
    res.push(extractValue(
      ctx,
      93
      /* ] */
    ));
    skipVoid(ctx);
    if ((c = ctx.s.charCodeAt(ctx.p++)) === 93) {
      return res;
    }
    if (c !== 44)
      TomlError.x("expected comma or end of structure", ctx, ctx.p - 1);
  }
  TomlError.x("unfinished array", ctx, startPtr);
}

// node_modules/smol-toml/dist/parse.js
function peekTable(ctx, key, table, meta, type) {
  let t = table;
  let m = meta;
  let k;
  let hasOwn = false;
  let state;
  for (let i = 0; i < key.length; i++) {
    if (i) {
      t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
      m = (state = m[k]).c;
      if (type === 0 && (state.t === 1 || state.t === 2)) {
        return null;
      }
      if (state.t === 2) {
        let l = t.length - 1;
        t = t[l];
        m = m[l].c;
      }
    }
    k = key[i];
    if ((hasOwn = Object.hasOwn(t, k)) && m[k]?.t === 0 && m[k]?.d) {
      return null;
    }
    if (!hasOwn) {
      let unsafe = k === "__proto__";
      if (ctx.uk && (unsafe || k === "constructor"))
        return false;
      if (unsafe) {
        Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
        Object.defineProperty(m, k, { enumerable: true, configurable: true, writable: true });
      }
      m[k] = {
        t: i < key.length - 1 && type === 2 ? 3 : type,
        d: false,
        i: 0,
        c: /* @__PURE__ */ Object.create(null)
      };
    }
  }
  state = m[k];
  if (state.t !== type && !(type === 1 && state.t === 3)) {
    return null;
  }
  if (type === 2) {
    if (!state.d) {
      state.d = true;
      t[k] = [];
    }
    t[k].push(t = /* @__PURE__ */ Object.create(null));
    state.c[state.i++] = state = { t: 1, d: false, i: 0, c: /* @__PURE__ */ Object.create(null) };
  }
  if (state.d) {
    return null;
  }
  state.d = true;
  if (type === 1) {
    t = hasOwn ? t[k] : t[k] = /* @__PURE__ */ Object.create(null);
  } else if (type === 0 && hasOwn) {
    return null;
  }
  return [k, t, state.c];
}
function validateTablePeek(ctx, peek, ptr) {
  if (peek === null || ctx.uk === 2)
    TomlError.x(peek === null ? "trying to redefine an already defined table or value" : "document contains an unsafe property", ctx, ptr);
}
function parse3(toml, options = {}) {
  let ctx = {
    s: toml,
    p: 0,
    d: options.maxDepth ?? 1e3,
    bi: options.integersAsBigInt ?? false,
    ld: options.useLegacyDate ?? true,
    uk: options.unsafeKeyBehaviour === "throw" ? 2 : options.unsafeKeyBehaviour === "drop" ? 1 : 0
  };
  let res = /* @__PURE__ */ Object.create(null);
  let meta = /* @__PURE__ */ Object.create(null);
  let tmp;
  let skipping = false;
  let tbl = res;
  let m = meta;
  if (toml.charCodeAt(0) === 65279)
    ctx.p++;
  skipVoid(ctx);
  while (ctx.p < toml.length) {
    if (toml.charCodeAt(ctx.p) === 91) {
      let isTableArray = toml.charCodeAt(++ctx.p) === 91;
      tmp = ctx.p += +isTableArray;
      skipping = false;
      let k = parseKey(
        ctx,
        93
        /* ] */
      );
      if (isTableArray) {
        if (toml.charCodeAt(ctx.p) !== 93) {
          TomlError.x("expected end of table array declaration", ctx);
        }
        ctx.p++;
      }
      let p = peekTable(
        ctx,
        k,
        res,
        meta,
        isTableArray ? 2 : 1
        /* Type.EXPLICIT */
      );
      if (!p) {
        validateTablePeek(ctx, p, tmp);
        skipping = true;
      } else {
        m = p[2];
        tbl = p[1];
      }
    } else {
      tmp = ctx.p;
      let k = parseKey(ctx);
      let p = peekTable(
        ctx,
        k,
        tbl,
        m,
        0
        /* Type.DOTTED */
      );
      if (!p && !skipping)
        validateTablePeek(ctx, p, tmp);
      skipVoid(ctx, true, true);
      let v = extractValue(ctx, void 0);
      if (p && !skipping)
        p[1][p[0]] = v;
    }
    skipVoid(ctx, true);
    if (ctx.p < toml.length && (tmp = toml.charCodeAt(ctx.p)) !== 10 && (tmp !== 13 || toml.charCodeAt(ctx.p + 1) !== 10)) {
      TomlError.x("each key-value declaration must be followed by an end-of-line", ctx);
    }
    skipVoid(ctx);
  }
  return res;
}

// node_modules/smol-toml/dist/stringify.js
var HAS_WELLFORMED = !!"".isWellFormed;

// src/config/launcher.ts
var import_npm_package_arg = __toESM(require_npa(), 1);
var import_semver = __toESM(require_semver(), 1);
var VARIABLE = /\$\{[^}]*\}|\$[A-Z_][A-Z0-9_]*/;
function hasVariable(s) {
  return VARIABLE.test(s);
}
function base(cmd) {
  const b = cmd.replace(/\\/g, "/").split("/").pop() ?? cmd;
  return b.replace(/\.(cmd|exe|bat|ps1)$/i, "");
}
var VALUE_FLAGS = {
  npx: /* @__PURE__ */ new Set([
    "-p",
    "--package",
    "-c",
    "--call",
    "--registry",
    "--cache",
    "--userconfig",
    "-w",
    "--workspace"
  ]),
  "pnpm dlx": /* @__PURE__ */ new Set(["--package", "--reporter", "--registry", "--dir", "-C"]),
  bunx: /* @__PURE__ */ new Set(["-p", "--package", "--registry", "--cwd"]),
  "yarn dlx": /* @__PURE__ */ new Set(["-p", "--package", "--registry"]),
  uvx: /* @__PURE__ */ new Set([
    "--from",
    "--with",
    "--python",
    "-p",
    "--index",
    "--index-url",
    "--extra-index-url",
    "--with-requirements"
  ]),
  pipx: /* @__PURE__ */ new Set(["--spec", "--python", "--index-url", "--pip-args"])
};
function recognizeLauncher(e) {
  if (e.url !== void 0 && !e.command) return { kind: "remote", url: e.url, transport: e.type };
  if (!e.command)
    return { kind: "unknown", command: "", reason: 'the entry has neither "command" nor "url"' };
  let words = [e.command, ...e.args ?? []];
  if (!e.args?.length && /\s/.test(e.command.trim())) words = e.command.trim().split(/\s+/);
  const [cmd, ...rest] = words;
  const b = base(cmd);
  if (b === "npx") return npmLaunch("npx", rest);
  if (b === "bunx") return npmLaunch("bunx", rest);
  if ((b === "pnpm" || b === "yarn") && rest[0] === "dlx")
    return npmLaunch(`${b} dlx`, rest.slice(1));
  if (b === "pnpx") return npmLaunch("pnpm dlx", rest);
  if (b === "bun" && rest[0] === "x") return npmLaunch("bunx", rest.slice(1));
  if (b === "npm" && (rest[0] === "exec" || rest[0] === "x")) return npmLaunch("npx", rest.slice(1));
  if (b === "node" || b === "nodejs") {
    const i = rest.findIndex((a) => !a.startsWith("-"));
    if (i < 0) return { kind: "unknown", command: cmd, reason: "node is started without a script" };
    return { kind: "node", script: rest[i], args: rest.slice(i + 1) };
  }
  if (b === "uvx" || b === "uv" && rest[0] === "tool" && rest[1] === "run") {
    return pypiLaunch("uvx", b === "uv" ? rest.slice(2) : rest);
  }
  if (b === "pipx" && rest[0] === "run") return pypiLaunch("pipx", rest.slice(1));
  if ((b === "docker" || b === "podman") && rest[0] === "run") return ociLaunch(rest.slice(1));
  return { kind: "unknown", command: cmd, reason: `"${b}" is not a launcher mcp-vet recognises` };
}
function npmLaunch(launcher, rest) {
  const flags = VALUE_FLAGS[launcher];
  let pkg;
  let i = 0;
  for (; i < rest.length; i++) {
    const a = rest[i];
    if (a === "--") {
      i++;
      break;
    }
    if (!a.startsWith("-")) break;
    const eq = a.indexOf("=");
    const flag = eq > 0 ? a.slice(0, eq) : a;
    if (flag === "-p" || flag === "--package") {
      pkg = eq > 0 ? a.slice(eq + 1) : rest[++i];
      continue;
    }
    if (flags.has(flag) && eq < 0) i++;
  }
  const commandWord = rest[i];
  const spec = pkg ?? commandWord;
  const args = rest.slice(i + 1);
  if (!spec) return { kind: "unknown", command: launcher, reason: `${launcher} is given no package` };
  let name = spec;
  let pinned;
  try {
    const parsed = (0, import_npm_package_arg.default)(spec);
    if (parsed.type === "version" || parsed.type === "range" || parsed.type === "tag") {
      name = parsed.name ?? spec;
      if (parsed.type === "version" && import_semver.default.valid(parsed.fetchSpec)) pinned = parsed.fetchSpec;
    } else {
      return {
        kind: "unknown",
        command: launcher,
        reason: `${launcher} runs "${spec}", a ${parsed.type} spec, not a registry package`
      };
    }
  } catch {
    if (!hasVariable(spec)) {
      return { kind: "unknown", command: launcher, reason: `"${spec}" is not a valid npm package spec` };
    }
  }
  return { kind: "npm", launcher, spec, name, ...pinned ? { pinned } : {}, args };
}
function pypiLaunch(launcher, rest) {
  const flags = VALUE_FLAGS[launcher];
  let from;
  let i = 0;
  for (; i < rest.length; i++) {
    const a = rest[i];
    if (!a.startsWith("-")) break;
    const eq = a.indexOf("=");
    const flag = eq > 0 ? a.slice(0, eq) : a;
    if (flag === "--from" || flag === "--spec") {
      from = eq > 0 ? a.slice(eq + 1) : rest[++i];
      continue;
    }
    if (flags.has(flag) && eq < 0) i++;
  }
  const spec = from ?? rest[i] ?? "";
  return { kind: "pypi", launcher, spec, pinned: /==[^=*]+$/.test(spec), args: rest.slice(i + 1) };
}
var DOCKER_VALUE_FLAGS = /* @__PURE__ */ new Set([
  "-e",
  "--env",
  "-v",
  "--volume",
  "--name",
  "-p",
  "--publish",
  "--network",
  "--net",
  "-u",
  "--user",
  "-w",
  "--workdir",
  "--entrypoint",
  "--env-file",
  "--mount",
  "--platform",
  "-l",
  "--label",
  "--add-host",
  "--cap-add",
  "--cap-drop",
  "--security-opt",
  "-m",
  "--memory",
  "--cpus",
  "--pull",
  "-h",
  "--hostname",
  "--device",
  "--tmpfs"
]);
function ociLaunch(rest) {
  let i = 0;
  for (; i < rest.length; i++) {
    const a = rest[i];
    if (!a.startsWith("-")) break;
    if (DOCKER_VALUE_FLAGS.has(a)) i++;
  }
  const image = rest[i] ?? "";
  return { kind: "oci", image, pinned: /@sha256:[0-9a-f]{64}$/.test(image), args: rest.slice(i + 1) };
}
function isPinned(l) {
  if (l.kind === "npm") return l.pinned !== void 0;
  if (l.kind === "pypi" || l.kind === "oci") return l.pinned;
  return true;
}

// src/config/discover.ts
var KNOWN_CONFIGS = [
  { client: "claude-code", file: ".mcp.json", key: ["mcpServers"], syntax: "json" },
  { client: "cursor", file: ".cursor/mcp.json", key: ["mcpServers"], syntax: "jsonc" },
  { client: "vscode", file: ".vscode/mcp.json", key: ["servers"], syntax: "jsonc" },
  { client: "vscode-settings", file: ".vscode/settings.json", key: ["mcp", "servers"], syntax: "jsonc" },
  { client: "claude-desktop", file: "claude_desktop_config.json", key: ["mcpServers"], syntax: "json" },
  { client: "gemini", file: ".gemini/settings.json", key: ["mcpServers"], syntax: "jsonc" },
  { client: "codex", file: ".codex/config.toml", key: ["mcp_servers"], syntax: "toml" },
  { client: "zed", file: ".zed/settings.json", key: ["context_servers"], syntax: "jsonc" },
  { client: "kiro", file: ".kiro/settings/mcp.json", key: ["mcpServers"], syntax: "jsonc" },
  { client: "windsurf", file: "mcp_config.json", key: ["mcpServers"], syntax: "jsonc" },
  { client: "windsurf", file: ".windsurf/mcp_config.json", key: ["mcpServers"], syntax: "jsonc" }
];
function formatFor(rel) {
  const norm = rel.replace(/\\/g, "/");
  const known = KNOWN_CONFIGS.find((f) => norm === f.file || norm.endsWith(`/${f.file}`));
  if (known) return { ...known, file: norm };
  if (norm.endsWith(".toml")) return { client: "codex", file: norm, key: ["mcp_servers"], syntax: "toml" };
  if (/(^|\/)settings\.json$/.test(norm))
    return { client: "vscode-settings", file: norm, key: ["mcp", "servers"], syntax: "jsonc" };
  if (/(^|\/)mcp_config\.json$/.test(norm))
    return { client: "windsurf", file: norm, key: ["mcpServers"], syntax: "jsonc" };
  if (/(^|\/)claude_desktop_config\.json$/.test(norm))
    return { client: "claude-desktop", file: norm, key: ["mcpServers"], syntax: "json" };
  return { client: "claude-code", file: norm, key: ["mcpServers"], syntax: "jsonc" };
}
async function discoverConfigs(root, explicit) {
  const formats = [];
  const findings = [];
  if (explicit?.length) {
    for (const p of explicit) formats.push(formatFor(p));
  } else {
    for (const f of KNOWN_CONFIGS) {
      try {
        if ((await stat(path.join(root, f.file))).isFile()) formats.push(f);
      } catch {
      }
    }
  }
  const files = [];
  const all = [];
  for (const f of formats) {
    const abs = path.resolve(root, f.file);
    let text;
    try {
      text = await readFile(abs, "utf8");
    } catch (err) {
      if (explicit?.length) {
        findings.push({
          rule: "config-unreadable",
          severity: "high",
          message: `${f.file}: cannot read it (${err.code ?? err.message})`,
          file: f.file
        });
      }
      continue;
    }
    files.push({ file: f.file, client: f.client });
    const parsed = parseConfig(text, f);
    findings.push(...parsed.findings);
    all.push(...parsed.servers);
  }
  const merged = mergeServers(all, findings);
  return { files, servers: merged, findings };
}
function parseConfig(text, f) {
  const findings = [];
  const malformed = (why) => ({
    servers: [],
    findings: [
      {
        rule: "config-malformed",
        severity: "high",
        message: `${f.file}: ${why}; its servers were not vetted (the client may not start them either)`,
        file: f.file
      }
    ]
  });
  let doc;
  if (f.syntax === "toml") {
    try {
      doc = parse3(text);
    } catch (err) {
      return malformed(`not valid TOML (${err.message.split("\n")[0]})`);
    }
  } else {
    const errors = [];
    doc = parse2(text, errors, { allowTrailingComma: f.syntax === "jsonc", disallowComments: false });
    if (errors.length) {
      const e = errors[0];
      const line = text.slice(0, e.offset).split("\n").length;
      return malformed(`not valid JSON at line ${line} (${printParseErrorCode(e.error)})`);
    }
    if (f.syntax === "json" && /^\s*\/\/|\/\*/m.test(stripStrings(text))) {
      findings.push({
        rule: "config-comments",
        severity: "low",
        message: `${f.file}: has comments, which ${f.client} does not accept in this file (read anyway)`,
        file: f.file
      });
    }
  }
  if (!isObject(doc)) return malformed("the top level is not an object");
  let servers = f.key.length === 2 ? doc[`${f.key[0]}.${f.key[1]}`] ?? dig(doc, f.key) : doc[f.key[0]];
  if (servers === void 0) {
    for (const k of ["mcpServers", "servers", "context_servers", "mcp_servers"])
      if (isObject(doc[k])) servers = doc[k];
    const vs = doc["mcp.servers"] ?? dig(doc, ["mcp", "servers"]);
    if (servers === void 0 && isObject(vs)) servers = vs;
  }
  if (servers === void 0) return { servers: [], findings };
  if (!isObject(servers)) return malformed(`"${f.key.join(".")}" is not an object of servers`);
  const out = [];
  for (const [name, raw] of Object.entries(servers)) {
    if (!isObject(raw)) {
      findings.push(entryFinding(f, name, "is not an object"));
      continue;
    }
    const entry = normalizeEntry(f, raw);
    if (typeof entry === "string") {
      findings.push(entryFinding(f, name, entry));
      continue;
    }
    if (entry.disabled) continue;
    const variables = [...new Set(JSON.stringify(entry.raw).match(/\$\{[^}]*\}/g) ?? [])].sort();
    out.push({
      name,
      declaredAt: [{ file: f.file, client: f.client }],
      entry: entry.raw,
      launch: recognizeLauncher(entry.raw),
      variables
    });
  }
  return { servers: out, findings };
}
function entryFinding(f, name, why) {
  return {
    rule: "config-malformed",
    severity: "high",
    message: `${f.file}: server "${name}" ${why}; it was not vetted`,
    file: f.file,
    server: name
  };
}
function normalizeEntry(f, o) {
  let src = o;
  if (f.client === "zed" && isObject(o.command)) {
    src = { ...o, ...o.command, command: o.command.path };
  }
  const raw = {};
  const cmd = src.command;
  if (cmd !== void 0) {
    if (typeof cmd !== "string") return '"command" is not a string';
    raw.command = cmd;
  }
  if (src.args !== void 0) {
    if (!Array.isArray(src.args) || src.args.some((a) => typeof a !== "string" && typeof a !== "number"))
      return '"args" is not a list of strings';
    raw.args = src.args.map(String);
  }
  if (src.env !== void 0) {
    if (!isObject(src.env)) return '"env" is not an object';
    raw.env = Object.fromEntries(Object.entries(src.env).map(([k, v]) => [k, String(v)]));
  }
  const url = src.url ?? src.serverUrl ?? src.httpUrl;
  if (url !== void 0) {
    if (typeof url !== "string") return '"url" is not a string';
    raw.url = url;
  }
  if (typeof src.type === "string") raw.type = src.type;
  if (raw.command === void 0 && raw.url === void 0) return 'has neither "command" nor "url"';
  return { raw, disabled: src.disabled === true || src.enabled === false };
}
function mergeServers(all, findings) {
  const byName = /* @__PURE__ */ new Map();
  for (const s of all) {
    const seen = byName.get(s.name);
    if (!seen) {
      byName.set(s.name, s);
      continue;
    }
    if (launchKey(seen) === launchKey(s)) {
      seen.declaredAt.push(...s.declaredAt);
      continue;
    }
    findings.push({
      rule: "config-conflict",
      severity: "high",
      message: `server "${s.name}" is defined differently in ${seen.declaredAt.map((d) => d.file).join(", ")} (${describeLaunch(seen.launch)}) and ${s.declaredAt[0].file} (${describeLaunch(s.launch)}): which one runs depends on the client; the first is vetted and locked`,
      server: s.name,
      files: [...seen.declaredAt.map((d) => d.file), s.declaredAt[0].file]
    });
  }
  return [...byName.values()].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}
function launchKey(s) {
  const { command, args, url } = s.entry;
  return JSON.stringify([
    s.launch.kind === "npm" ? ["npm", s.launch.spec, s.launch.args] : [command, args, url]
  ]);
}
function describeLaunch(l) {
  switch (l.kind) {
    case "npm":
      return `${l.launcher} ${l.spec}`;
    case "node":
      return `node ${l.script}`;
    case "pypi":
      return `${l.launcher} ${l.spec}`;
    case "oci":
      return `docker run ${l.image}`;
    case "remote":
      return `remote ${l.url}`;
    default:
      return l.command || "(no command)";
  }
}
function serverFindings(s) {
  const out = [];
  const where = s.declaredAt.map((d) => d.file).join(", ");
  const l = s.launch;
  const base2 = { server: s.name, file: s.declaredAt[0].file };
  if (l.kind === "npm" && hasVariable(l.spec)) {
    out.push({
      ...base2,
      rule: "config-unresolved-variable",
      severity: "high",
      message: `server "${s.name}" (${where}): its package spec "${l.spec}" contains a variable mcp-vet cannot resolve, so the package that runs is unknown; write the package and version literally`,
      variables: s.variables
    });
  }
  const notVetted = (what, missing) => ({
    ...base2,
    rule: "server-not-npm",
    severity: "medium",
    message: `server "${s.name}" (${where}) is ${what}: not vetted (${missing}); it is recorded in the lock so a change to it shows up`,
    kind: l.kind
  });
  if (l.kind === "pypi")
    out.push(
      notVetted(
        `a PyPI package run with ${l.launcher} (${l.spec})`,
        "no dependency resolution, advisories, capabilities or tools for PyPI yet"
      )
    );
  else if (l.kind === "oci")
    out.push(
      notVetted(
        `a container image (${l.image || "no image"})`,
        "image contents, advisories and tools are not inspected"
      )
    );
  else if (l.kind === "remote")
    out.push(
      notVetted(
        `a remote server at ${l.url}`,
        "its code is not available; the tools it serves can change at any time"
      )
    );
  else if (l.kind === "node")
    out.push(notVetted(`a local script (node ${l.script})`, "local code is not resolved from a registry"));
  else if (l.kind === "unknown") out.push(notVetted(`started with "${l.command}"`, l.reason));
  return out;
}
var isObject = (v) => typeof v === "object" && v !== null && !Array.isArray(v);
function dig(o, keys) {
  let cur = o;
  for (const k of keys) cur = isObject(cur) ? cur[k] : void 0;
  return cur;
}
function stripStrings(text) {
  return text.replace(/"(?:[^"\\]|\\.)*"/g, '""');
}

// src/lock/commands.ts
function entryOf(s) {
  const { command, args, env, url, type } = s.entry;
  return { command, args, env, url, type };
}
function otherEntry(s) {
  const l = s.launch;
  const ref = l.kind === "pypi" ? l.spec : l.kind === "oci" ? l.image : l.kind === "remote" ? l.url : l.kind === "node" ? l.script : l.kind === "unknown" ? l.command : "";
  return {
    kind: l.kind === "npm" ? "unknown" : l.kind,
    ref,
    declaredAt: sortDeclarations(s.declaredAt),
    entrySha256: sha256(entryOf(s))
  };
}
function vettable(s) {
  return s.launch.kind === "npm" && !hasVariable(s.launch.spec);
}
async function vetServer(s, input) {
  if (s.launch.kind !== "npm") return otherEntry(s);
  input.progress?.(`vetting ${s.name} (${describeLaunch(s.launch)})`);
  const { server } = await vetPackage({
    ...input.vet,
    spec: s.launch.spec,
    clientEntry: { args: s.launch.args, env: s.entry.env },
    configEntry: { command: s.entry.command, args: s.entry.args, env: s.entry.env }
  });
  return buildLockEntry(server, s.declaredAt, entryOf(s), s.launch.spec);
}
function unchanged(s, old) {
  if (!old) return false;
  if (old.entrySha256 !== sha256(entryOf(s))) return false;
  if (JSON.stringify(sortKeys(old.declaredAt)) !== JSON.stringify(sortKeys(sortDeclarations(s.declaredAt))))
    return false;
  if (old.kind !== "npm") return true;
  return s.launch.kind === "npm" && s.launch.pinned === old.package.version && old.spec === s.launch.spec;
}
async function runLock(input) {
  const discovery = await discoverConfigs(input.root, input.configs);
  if (!discovery.files.length && !input.configs?.length) {
    throw new VetError(
      "E_USAGE",
      `no MCP client config found in ${input.root} (looked for .mcp.json, .cursor/mcp.json, .vscode/mcp.json, …); pass --config FILE`
    );
  }
  const old = await readLock(input.lockFile, path2.relative(input.root, input.lockFile) || input.lockFile);
  const servers = {};
  const vetted = [];
  const kept = [];
  const findings = [...discovery.findings];
  for (const s of discovery.servers) {
    findings.push(...serverFindings(s));
    const prev = old?.servers[s.name];
    if (!input.all && unchanged(s, prev)) {
      servers[s.name] = prev;
      kept.push(s.name);
      continue;
    }
    if (s.launch.kind === "npm" && !vettable(s)) continue;
    servers[s.name] = await vetServer(s, input);
    vetted.push(s.name);
  }
  const lock = { lockfileVersion: 1, servers };
  await writeLock(input.lockFile, lock);
  const changes = [];
  const names = [.../* @__PURE__ */ new Set([...Object.keys(old?.servers ?? {}), ...Object.keys(servers)])].sort();
  for (const n of names) changes.push(...diffEntries(n, old?.servers[n], servers[n]));
  return { lock, changes, findings: findings.sort(compareFindings), vetted, kept };
}
async function runCheck(input) {
  const discovery = await discoverConfigs(input.root, input.configs);
  const label = path2.relative(input.root, input.lockFile) || input.lockFile;
  const old = await readLock(input.lockFile, label);
  const findings = [...discovery.findings];
  if (!old && discovery.servers.length) {
    findings.push({
      rule: "lock-file-missing",
      severity: "high",
      message: `${label} does not exist: no server has been locked; run "mcp-vet lock" and commit the lockfile`,
      file: label
    });
  }
  if (!discovery.files.length && !input.configs?.length) {
    findings.push({
      rule: "config-missing",
      severity: "info",
      message: `no MCP client config found in ${input.root}`
    });
  }
  const changes = [];
  const servers = [];
  const seen = /* @__PURE__ */ new Set();
  for (const s of discovery.servers) {
    seen.add(s.name);
    servers.push({ name: s.name, declaredAt: s.declaredAt, runs: describeLaunch(s.launch) });
    findings.push(...serverFindings(s));
    if (!isPinned(s.launch)) {
      findings.push({
        rule: "lock-unpinned",
        severity: "high",
        message: `server "${s.name}" (${s.declaredAt.map((d) => d.file).join(", ")}) runs ${describeLaunch(s.launch)}, not an exact version: the next start may run code nobody reviewed; pin it${s.launch.kind === "npm" ? ` (e.g. ${s.launch.name}@${old?.servers[s.name]?.kind === "npm" ? old.servers[s.name].package.version : "<version>"})` : ""}`,
        server: s.name
      });
    }
    if (s.launch.kind === "npm" && !vettable(s)) continue;
    const prev = old?.servers[s.name];
    let now;
    try {
      now = await vetServer(s, input);
    } catch (err) {
      if (err instanceof VetError && (err.code === "E_REGISTRY_UNAVAILABLE" || err.code === "E_VULN_SOURCE"))
        throw err;
      findings.push({
        rule: "lock-vet-failed",
        severity: "high",
        message: `server "${s.name}": could not be vetted (${err instanceof VetError ? `${err.code}: ` : ""}${err.message})`,
        server: s.name
      });
      continue;
    }
    changes.push(...diffEntries(s.name, prev, now));
  }
  for (const name of Object.keys(old?.servers ?? {}).sort()) {
    if (!seen.has(name)) changes.push(...diffEntries(name, old.servers[name], void 0));
  }
  findings.push(...changes.map(changeToFinding));
  findings.sort(compareFindings);
  return {
    lockFile: label,
    configs: discovery.files,
    servers,
    findings,
    changes
  };
}

// src/lock/render.ts
var RANK = { info: 0, low: 1, medium: 2, high: 3, critical: 4 };
function sorted(changes) {
  return [...changes].sort(
    (a, b) => (a.server < b.server ? -1 : a.server > b.server ? 1 : 0) || RANK[b.severity] - RANK[a.severity] || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) || ((a.item ?? "") < (b.item ?? "") ? -1 : (a.item ?? "") > (b.item ?? "") ? 1 : 0)
  );
}
function detailLines(c) {
  const out = [];
  for (const d of c.details) {
    if (d.words !== void 0) out.push(`${d.field}: ${d.words}`);
    if (d.lines?.length) {
      out.push(`${d.field}:`);
      for (const l of d.lines.slice(0, 50)) out.push(`  ${l}`);
      if (d.lines.length > 50) out.push(`  … ${d.lines.length - 50} more`);
    }
  }
  return out;
}
function renderChanges(changes, opts) {
  const list = sorted(changes);
  if (opts.format === "markdown") return renderMarkdown(list);
  if (!list.length) return "no changes\n";
  let out = "";
  let server;
  for (const c of list) {
    if (c.server !== server) {
      server = c.server;
      out += `${out ? "\n" : ""}${makeVisible(c.server, 200)}
`;
    }
    out += `  ${c.severity.toUpperCase().padEnd(8)} ${c.rule}: ${makeVisible(c.message, 2e3)}
`;
    for (const l of detailLines(c)) out += `           ${l}
`;
  }
  return out;
}
function fence(body) {
  const longest = Math.max(2, ...[...body.matchAll(/`+/g)].map((m) => m[0].length));
  return "`".repeat(longest + 1);
}
function code(s) {
  const t = makeVisible(s, 300).replace(/`/g, "ˋ");
  return `\`${t}\``;
}
function renderMarkdown(list) {
  if (!list.length) return "_No changes to the locked MCP servers._\n";
  let out = "";
  let server;
  for (const c of list) {
    if (c.server !== server) {
      server = c.server;
      out += `${out ? "\n" : ""}#### ${code(c.server)}

`;
    }
    out += `- **${c.severity}** ${code(c.rule)}${c.item !== void 0 ? ` ${code(c.item)}` : ""}
`;
    const body = [makeVisible(c.message, 2e3), ...detailLines(c)].join("\n");
    const f = fence(body);
    out += `
  ${f}diff
${body.split("\n").map((l) => `  ${l}`).join("\n")}
  ${f}

`;
  }
  return out;
}

// src/lock/cli.ts
var SEVERITIES = ["info", "low", "medium", "high", "critical"];
async function lockCli(command, rest, values, io, h) {
  const failOnFlag = values["fail-on"];
  if (failOnFlag !== void 0 && (!SEVERITIES.includes(failOnFlag) || failOnFlag === "info"))
    throw h.usageError(`--fail-on must be low, medium, high or critical, not "${values["fail-on"]}"`);
  const loaded = resolvePolicy({ ref: values.policy, cwd: io.cwd, failOn: failOnFlag });
  const failOn = loaded.policy["fail-on"];
  const decideOn = (findings) => evaluateFindings(findings, loaded.policy, /* @__PURE__ */ new Date(), "configs and lockfile");
  if (command === "diff") return diffCommand(rest, values, io, h, decideOn);
  if (rest.length) throw h.usageError(`"${command}" takes no positional arguments (got "${rest[0]}")`);
  const format2 = values.format ?? (io.isTTY ? "text" : "json");
  if (format2 !== "json" && format2 !== "text")
    throw h.usageError(`--format must be json or text, not "${format2}"`);
  const timeoutText = values["introspect-timeout"];
  const introspectTimeoutMs = timeoutText === void 0 ? void 0 : Number(timeoutText);
  if (introspectTimeoutMs !== void 0 && (!/^\d+$/.test(timeoutText) || introspectTimeoutMs < 100 || introspectTimeoutMs > 6e5))
    throw h.usageError(
      `--introspect-timeout must be a number of milliseconds from 100 to 600000, not "${timeoutText}"`
    );
  const input = {
    root: io.cwd,
    configs: values.config,
    lockFile: resolve(io.cwd, values.lock ?? LOCKFILE_NAME),
    all: values.all,
    progress: (m) => io.stderr(`mcp-vet: ${m}
`),
    vet: {
      registry: values.registry,
      userconfig: values.userconfig ? resolve(io.cwd, values.userconfig) : void 0,
      cacheDir: resolve(io.cwd, values["cache-dir"] ?? h.defaultCacheDir(io.env)),
      projectDir: io.cwd,
      env: io.env,
      preferOnline: values["prefer-online"],
      capabilities: !values["no-capabilities"],
      introspect: !values["no-introspect"],
      introspectTimeoutMs,
      clientVersion: VERSION,
      warn: h.warn
    }
  };
  if (command === "lock") {
    const r2 = await runLock(input);
    const name = values.lock ?? LOCKFILE_NAME;
    if (format2 === "json") {
      io.stdout(
        `${JSON.stringify({ schemaVersion: 1, command: "lock", lockFile: name, vetted: r2.vetted, kept: r2.kept, findings: r2.findings, changes: r2.changes }, null, 2)}
`
      );
    } else {
      io.stdout(
        `wrote ${name}: ${Object.keys(r2.lock.servers).length} server(s), ${r2.vetted.length} vetted, ${r2.kept.length} unchanged
`
      );
      if (r2.findings.length) io.stdout(renderFindings(r2.findings));
      if (r2.changes.length)
        io.stdout(
          `
changes to review in the lockfile diff:
${renderChanges(r2.changes, { format: "text" })}`
        );
    }
    return EXIT.approve;
  }
  const r = await runCheck(input);
  const { decision, reasons } = decideOn(r.findings);
  if (format2 === "json") {
    io.stdout(
      `${JSON.stringify({ schemaVersion: 1, tool: { name: "mcp-vet", version: VERSION }, command: "check", decision, failOn, policy: { files: loaded.files, ...loaded.preset ? { preset: loaded.preset } : {} }, reasons, ...r }, null, 2)}
`
    );
  } else {
    io.stdout(
      `${decision === "approve" ? "APPROVE" : "REJECT"}: ${r.servers.length} server(s) checked against ${r.lockFile}${r.changes.length ? `, ${r.changes.length} change(s)` : ", no changes"}
`
    );
    const other = r.findings.filter(
      (f) => !f.kind || !String(f.rule).startsWith("lock-") || f.rule === "lock-unpinned"
    );
    const configFindings = other.filter(
      (f) => !r.changes.some((c) => c.rule === f.rule && c.message === f.message)
    );
    if (configFindings.length) io.stdout(renderFindings(configFindings));
    if (r.changes.length) io.stdout(`
${renderChanges(r.changes, { format: "text" })}`);
  }
  return decision === "approve" ? EXIT.approve : EXIT.reject;
}
function renderFindings(findings) {
  return findings.map((f) => `  ${f.severity.toUpperCase().padEnd(8)} ${f.rule}: ${makeVisible(f.message, 2e3)}
`).join("");
}
async function diffCommand(rest, values, io, h, decideOn) {
  if (rest.length !== 2)
    throw h.usageError(`"diff" takes OLD_LOCK and NEW_LOCK, got ${rest.length} argument(s)`);
  const format2 = values.format ?? "text";
  if (format2 !== "json" && format2 !== "text" && format2 !== "markdown")
    throw h.usageError(`--format must be text, markdown or json, not "${format2}"`);
  const [oldPath, newPath] = rest;
  const load = async (p) => {
    const l = await readLock(resolve(io.cwd, p), p);
    if (!l) throw new VetError("E_USAGE", `${p} does not exist`);
    return l;
  };
  const changes = diffLocks(await load(oldPath), await load(newPath));
  const findings = changes.map(changeToFinding);
  const { decision } = decideOn(findings);
  if (format2 === "json")
    io.stdout(`${JSON.stringify({ schemaVersion: 1, command: "diff", decision, changes }, null, 2)}
`);
  else io.stdout(renderChanges(changes, { format: format2 }));
  return decision === "approve" ? EXIT.approve : EXIT.reject;
}
export {
  lockCli
};
