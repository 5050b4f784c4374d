/*
 * A small QR code encoder (ISO/IEC 18004), written for the console's printable emergency cards: byte
 * mode (UTF-8), error correction level M, versions 1 to 40, mask chosen by the standard's penalty rules.
 * The algorithm follows the standard's structure the way Project Nayuki's public-domain-style reference
 * explains it: function patterns, Reed-Solomon over GF(256) with polynomial 0x11D, block interleaving,
 * zig-zag placement, masking, format and version information.
 * window.HuzhuQr.encode(text) -> {size, modules: boolean[y][x]}; window.HuzhuQr.svg(text, label) -> <svg>.
 */
(function () {
  'use strict';

  // error correction level M: codewords per block and number of blocks, by version (index 0 unused)
  var ECC_PER_BLOCK = [-1, 10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28,
    28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28];
  var BLOCKS = [-1, 1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25,
    26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49];
  var FORMAT_BITS_M = 0;

  function rawDataModules(ver) {
    var result = (16 * ver + 128) * ver + 64;
    if (ver >= 2) {
      var numAlign = Math.floor(ver / 7) + 2;
      result -= (25 * numAlign - 10) * numAlign - 55;
      if (ver >= 7) result -= 36;
    }
    return result;
  }

  function dataCodewords(ver) {
    return Math.floor(rawDataModules(ver) / 8) - ECC_PER_BLOCK[ver] * BLOCKS[ver];
  }

  function utf8(text) {
    if (typeof TextEncoder !== 'undefined') return Array.from(new TextEncoder().encode(text));
    var s = unescape(encodeURIComponent(text));
    var out = [];
    for (var i = 0; i < s.length; i++) out.push(s.charCodeAt(i));
    return out;
  }

  // ---- Reed-Solomon over GF(2^8)

  function gfMultiply(x, y) {
    var z = 0;
    for (var i = 7; i >= 0; i--) {
      z = (z << 1) ^ ((z >>> 7) * 0x11D);
      z ^= ((y >>> i) & 1) * x;
    }
    return z;
  }

  function rsDivisor(degree) {
    var result = [];
    for (var i = 0; i < degree - 1; i++) result.push(0);
    result.push(1);
    var root = 1;
    for (var j = 0; j < degree; j++) {
      for (var k = 0; k < result.length; k++) {
        result[k] = gfMultiply(result[k], root);
        if (k + 1 < result.length) result[k] ^= result[k + 1];
      }
      root = gfMultiply(root, 0x02);
    }
    return result;
  }

  function rsRemainder(data, divisor) {
    var result = divisor.map(function () { return 0; });
    data.forEach(function (b) {
      var factor = b ^ result.shift();
      result.push(0);
      divisor.forEach(function (coef, i) { result[i] ^= gfMultiply(coef, factor); });
    });
    return result;
  }

  // ---- the symbol

  function Symbol(ver) {
    this.ver = ver;
    this.size = ver * 4 + 17;
    this.modules = [];
    this.isFunction = [];
    for (var y = 0; y < this.size; y++) {
      this.modules.push(new Array(this.size).fill(false));
      this.isFunction.push(new Array(this.size).fill(false));
    }
  }

  Symbol.prototype.setFunction = function (x, y, dark) {
    this.modules[y][x] = dark;
    this.isFunction[y][x] = true;
  };

  Symbol.prototype.alignmentPositions = function () {
    var ver = this.ver;
    if (ver === 1) return [];
    var numAlign = Math.floor(ver / 7) + 2;
    var step = ver === 32 ? 26 : Math.ceil((ver * 4 + 4) / (numAlign * 2 - 2)) * 2;
    var result = [6];
    for (var pos = this.size - 7; result.length < numAlign; pos -= step) result.splice(1, 0, pos);
    return result;
  };

  Symbol.prototype.drawFunctionPatterns = function () {
    var size = this.size;
    for (var i = 0; i < size; i++) {
      this.setFunction(6, i, i % 2 === 0);
      this.setFunction(i, 6, i % 2 === 0);
    }
    this.drawFinder(3, 3);
    this.drawFinder(size - 4, 3);
    this.drawFinder(3, size - 4);
    var pos = this.alignmentPositions();
    var n = pos.length;
    for (var a = 0; a < n; a++) {
      for (var b = 0; b < n; b++) {
        var corner = (a === 0 && b === 0) || (a === 0 && b === n - 1) || (a === n - 1 && b === 0);
        if (!corner) this.drawAlignment(pos[a], pos[b]);
      }
    }
    this.drawFormat(0);
    this.drawVersion();
  };

  Symbol.prototype.drawFinder = function (x, y) {
    for (var dy = -4; dy <= 4; dy++) {
      for (var dx = -4; dx <= 4; dx++) {
        var dist = Math.max(Math.abs(dx), Math.abs(dy));
        var xx = x + dx;
        var yy = y + dy;
        if (xx >= 0 && xx < this.size && yy >= 0 && yy < this.size) this.setFunction(xx, yy, dist !== 2 && dist !== 4);
      }
    }
  };

  Symbol.prototype.drawAlignment = function (x, y) {
    for (var dy = -2; dy <= 2; dy++) {
      for (var dx = -2; dx <= 2; dx++) this.setFunction(x + dx, y + dy, Math.max(Math.abs(dx), Math.abs(dy)) !== 1);
    }
  };

  function bit(x, i) { return ((x >>> i) & 1) !== 0; }

  Symbol.prototype.drawFormat = function (mask) {
    var data = (FORMAT_BITS_M << 3) | mask;
    var rem = data;
    for (var i = 0; i < 10; i++) rem = (rem << 1) ^ ((rem >>> 9) * 0x537);
    var bits = ((data << 10) | rem) ^ 0x5412;
    var size = this.size;
    for (var a = 0; a <= 5; a++) this.setFunction(8, a, bit(bits, a));
    this.setFunction(8, 7, bit(bits, 6));
    this.setFunction(8, 8, bit(bits, 7));
    this.setFunction(7, 8, bit(bits, 8));
    for (var b = 9; b < 15; b++) this.setFunction(14 - b, 8, bit(bits, b));
    for (var c = 0; c < 8; c++) this.setFunction(size - 1 - c, 8, bit(bits, c));
    for (var d = 8; d < 15; d++) this.setFunction(8, size - 15 + d, bit(bits, d));
    this.setFunction(8, size - 8, true);
  };

  Symbol.prototype.drawVersion = function () {
    if (this.ver < 7) return;
    var rem = this.ver;
    for (var i = 0; i < 12; i++) rem = (rem << 1) ^ ((rem >>> 11) * 0x1F25);
    var bits = (this.ver << 12) | rem;
    for (var j = 0; j < 18; j++) {
      var dark = bit(bits, j);
      var a = this.size - 11 + (j % 3);
      var b = Math.floor(j / 3);
      this.setFunction(a, b, dark);
      this.setFunction(b, a, dark);
    }
  };

  Symbol.prototype.drawCodewords = function (data) {
    var i = 0;
    var size = this.size;
    for (var right = size - 1; right >= 1; right -= 2) {
      if (right === 6) right = 5;
      for (var vert = 0; vert < size; vert++) {
        for (var j = 0; j < 2; j++) {
          var x = right - j;
          var upward = ((right + 1) & 2) === 0;
          var y = upward ? size - 1 - vert : vert;
          if (!this.isFunction[y][x] && i < data.length * 8) {
            this.modules[y][x] = bit(data[i >>> 3], 7 - (i & 7));
            i++;
          }
        }
      }
    }
  };

  function masked(mask, x, y) {
    switch (mask) {
      case 0: return (x + y) % 2 === 0;
      case 1: return y % 2 === 0;
      case 2: return x % 3 === 0;
      case 3: return (x + y) % 3 === 0;
      case 4: return (Math.floor(x / 3) + Math.floor(y / 2)) % 2 === 0;
      case 5: return ((x * y) % 2) + ((x * y) % 3) === 0;
      case 6: return (((x * y) % 2) + ((x * y) % 3)) % 2 === 0;
      default: return (((x + y) % 2) + ((x * y) % 3)) % 2 === 0;
    }
  }

  Symbol.prototype.applyMask = function (mask) {
    for (var y = 0; y < this.size; y++) {
      for (var x = 0; x < this.size; x++) {
        if (!this.isFunction[y][x] && masked(mask, x, y)) this.modules[y][x] = !this.modules[y][x];
      }
    }
  };

  /** The standard's four penalty rules: runs, 2x2 blocks, finder-like patterns, dark/light balance. */
  Symbol.prototype.penalty = function () {
    var size = this.size;
    var m = this.modules;
    var score = 0;
    function lines(get) {
      var s = 0;
      for (var a = 0; a < size; a++) {
        var run = 1;
        var seq = [];
        for (var b = 0; b < size; b++) {
          var v = get(a, b);
          if (b > 0 && v === get(a, b - 1)) {
            run++;
          } else {
            if (b > 0 && run >= 5) s += run - 2;
            run = 1;
          }
          seq.push(v ? 1 : 0);
        }
        if (run >= 5) s += run - 2;
        var str = seq.join('');
        var pat = ['10111010000', '00001011101'];
        pat.forEach(function (p) {
          var idx = str.indexOf(p);
          while (idx >= 0) {
            s += 40;
            idx = str.indexOf(p, idx + 1);
          }
        });
      }
      return s;
    }
    score += lines(function (y, x) { return m[y][x]; });
    score += lines(function (x, y) { return m[y][x]; });
    for (var y = 0; y < size - 1; y++) {
      for (var x = 0; x < size - 1; x++) {
        var c = m[y][x];
        if (c === m[y][x + 1] && c === m[y + 1][x] && c === m[y + 1][x + 1]) score += 3;
      }
    }
    var dark = 0;
    m.forEach(function (row) { row.forEach(function (v) { if (v) dark++; }); });
    var total = size * size;
    var k = Math.ceil(Math.abs(dark * 20 - total * 10) / total) - 1;
    score += Math.max(0, k) * 10;
    return score;
  };

  function withEcc(data, ver) {
    var numBlocks = BLOCKS[ver];
    var eccLen = ECC_PER_BLOCK[ver];
    var raw = Math.floor(rawDataModules(ver) / 8);
    var numShort = numBlocks - (raw % numBlocks);
    var shortLen = Math.floor(raw / numBlocks);
    var divisor = rsDivisor(eccLen);
    var blocks = [];
    for (var i = 0, k = 0; i < numBlocks; i++) {
      var dat = data.slice(k, k + shortLen - eccLen + (i < numShort ? 0 : 1));
      k += dat.length;
      var ecc = rsRemainder(dat, divisor);
      if (i < numShort) dat.push(0);
      blocks.push(dat.concat(ecc));
    }
    var result = [];
    for (var n = 0; n < blocks[0].length; n++) {
      for (var j = 0; j < blocks.length; j++) {
        if (n !== shortLen - eccLen || j >= numShort) result.push(blocks[j][n]);
      }
    }
    return result;
  }

  function encode(text) {
    var bytes = utf8(text);
    var ver;
    var bits;
    for (ver = 1; ver <= 40; ver++) {
      var countBits = ver <= 9 ? 8 : 16;
      bits = 4 + countBits + bytes.length * 8;
      if (bits <= dataCodewords(ver) * 8) break;
    }
    if (ver > 40) throw new Error('text too long for a QR code');
    var countLen = ver <= 9 ? 8 : 16;
    var buffer = [];
    function append(value, len) {
      for (var i = len - 1; i >= 0; i--) buffer.push((value >>> i) & 1);
    }
    append(4, 4);
    append(bytes.length, countLen);
    bytes.forEach(function (b) { append(b, 8); });
    var capacity = dataCodewords(ver) * 8;
    append(0, Math.min(4, capacity - buffer.length));
    append(0, (8 - (buffer.length % 8)) % 8);
    for (var pad = 0xEC; buffer.length < capacity; pad ^= 0xEC ^ 0x11) append(pad, 8);
    var data = [];
    for (var i = 0; i < buffer.length; i += 8) {
      var byte = 0;
      for (var j = 0; j < 8; j++) byte = (byte << 1) | buffer[i + j];
      data.push(byte);
    }

    var best = null;
    var bestScore = Infinity;
    var all = withEcc(data, ver);
    for (var mask = 0; mask < 8; mask++) {
      var s = new Symbol(ver);
      s.drawFunctionPatterns();
      s.drawCodewords(all);
      s.applyMask(mask);
      s.drawFormat(mask);
      var score = s.penalty();
      if (score < bestScore) {
        best = s;
        bestScore = score;
      }
    }
    return { size: best.size, version: ver, modules: best.modules };
  }

  /** An SVG of the code with a four-module quiet zone; {@code label} names it for screen readers. */
  function svg(text, label) {
    var qr = encode(text);
    var NS = 'http://www.w3.org/2000/svg';
    var border = 4;
    var dim = qr.size + border * 2;
    var el = document.createElementNS(NS, 'svg');
    el.setAttribute('viewBox', '0 0 ' + dim + ' ' + dim);
    el.setAttribute('role', 'img');
    el.setAttribute('aria-label', label || text);
    el.setAttribute('shape-rendering', 'crispEdges');
    var bg = document.createElementNS(NS, 'rect');
    bg.setAttribute('width', dim);
    bg.setAttribute('height', dim);
    bg.setAttribute('fill', '#ffffff');
    el.appendChild(bg);
    var d = [];
    for (var y = 0; y < qr.size; y++) {
      for (var x = 0; x < qr.size; x++) {
        if (qr.modules[y][x]) d.push('M' + (x + border) + ',' + (y + border) + 'h1v1h-1z');
      }
    }
    var path = document.createElementNS(NS, 'path');
    path.setAttribute('d', d.join(''));
    path.setAttribute('fill', '#000000');
    el.appendChild(path);
    return el;
  }

  window.HuzhuQr = { encode: encode, svg: svg };
})();
