import { n as __toESM, t as __commonJSMin } from "./rolldown-runtime-CO0Nlsmt.js";
// \0vite/modulepreload-polyfill.js
(function polyfill() {
	const relList = document.createElement("link").relList;
	if (relList && relList.supports && relList.supports("modulepreload")) return;
	for (const link of document.querySelectorAll("link[rel=\"modulepreload\"]")) processPreload(link);
	new MutationObserver((mutations) => {
		for (const mutation of mutations) {
			if (mutation.type !== "childList") continue;
			for (const node of mutation.addedNodes) if (node.tagName === "LINK" && node.rel === "modulepreload") processPreload(node);
		}
	}).observe(document, {
		childList: true,
		subtree: true
	});
	function getFetchOpts(link) {
		const fetchOpts = {};
		if (link.integrity) fetchOpts.integrity = link.integrity;
		if (link.referrerPolicy) fetchOpts.referrerPolicy = link.referrerPolicy;
		if (link.crossOrigin === "use-credentials") fetchOpts.credentials = "include";
		else if (link.crossOrigin === "anonymous") fetchOpts.credentials = "omit";
		else fetchOpts.credentials = "same-origin";
		return fetchOpts;
	}
	function processPreload(link) {
		if (link.ep) return;
		link.ep = true;
		const fetchOpts = getFetchOpts(link);
		fetch(link.href, fetchOpts);
	}
})();
// node_modules/dexie/import-wrapper-prod.mjs
var import_dexie_min = /* @__PURE__ */ __toESM((/* @__PURE__ */ __commonJSMin(((exports, module, this$1) => {
	((e, t) => {
		"object" == typeof exports && "undefined" != typeof module ? module.exports = t() : "function" == typeof define && define.amd ? define(t) : (e = "undefined" != typeof globalThis ? globalThis : e || self).Dexie = t();
	})(this$1, function() {
		var B = function(e, t) {
			return (B = Object.setPrototypeOf || ({ __proto__: [] } instanceof Array ? function(e, t) {
				e.__proto__ = t;
			} : function(e, t) {
				for (var n in t) Object.prototype.hasOwnProperty.call(t, n) && (e[n] = t[n]);
			}))(e, t);
		};
		var _ = function() {
			return (_ = Object.assign || function(e) {
				for (var t, n = 1, r = arguments.length; n < r; n++) for (var o in t = arguments[n]) Object.prototype.hasOwnProperty.call(t, o) && (e[o] = t[o]);
				return e;
			}).apply(this, arguments);
		};
		function R(e, t, n) {
			if (n || 2 === arguments.length) for (var r, o = 0, i = t.length; o < i; o++) !r && o in t || ((r = r || Array.prototype.slice.call(t, 0, o))[o] = t[o]);
			return e.concat(r || Array.prototype.slice.call(t));
		}
		var f = "undefined" != typeof globalThis ? globalThis : "undefined" != typeof self ? self : "undefined" != typeof window ? window : global, O = Object.keys, x = Array.isArray;
		function a(t, n) {
			return "object" == typeof n && O(n).forEach(function(e) {
				t[e] = n[e];
			}), t;
		}
		"undefined" == typeof Promise || f.Promise || (f.Promise = Promise);
		var F = Object.getPrototypeOf, N = {}.hasOwnProperty;
		function m(e, t) {
			return N.call(e, t);
		}
		function M(t, n) {
			"function" == typeof n && (n = n(F(t))), ("undefined" == typeof Reflect ? O : Reflect.ownKeys)(n).forEach(function(e) {
				u(t, e, n[e]);
			});
		}
		var L = Object.defineProperty;
		function u(e, t, n, r) {
			L(e, t, a(n && m(n, "get") && "function" == typeof n.get ? {
				get: n.get,
				set: n.set,
				configurable: !0
			} : {
				value: n,
				configurable: !0,
				writable: !0
			}, r));
		}
		function U(t) {
			return { from: function(e) {
				return t.prototype = Object.create(e.prototype), u(t.prototype, "constructor", t), { extend: M.bind(null, t.prototype) };
			} };
		}
		var z = Object.getOwnPropertyDescriptor;
		var V = [].slice;
		function W(e, t, n) {
			return V.call(e, t, n);
		}
		function Y(e, t) {
			return t(e);
		}
		function $(e) {
			if (!e) throw new Error("Assertion Failed");
		}
		function Q(e) {
			f.setImmediate ? setImmediate(e) : setTimeout(e, 0);
		}
		function c(e, t) {
			if ("string" == typeof t && m(e, t)) return e[t];
			if (!t) return e;
			if ("string" != typeof t) {
				for (var n = [], r = 0, o = t.length; r < o; ++r) {
					var i = c(e, t[r]);
					n.push(i);
				}
				return n;
			}
			var a, u = t.indexOf(".");
			return -1 === u || null == (a = e[t.substr(0, u)]) ? void 0 : c(a, t.substr(u + 1));
		}
		function b(e, t, n) {
			if (e && void 0 !== t && !("isFrozen" in Object && Object.isFrozen(e))) if ("string" != typeof t && "length" in t) {
				$("string" != typeof n && "length" in n);
				for (var r = 0, o = t.length; r < o; ++r) b(e, t[r], n[r]);
			} else {
				var i, a, u = t.indexOf(".");
				-1 !== u ? (i = t.substr(0, u), "" === (u = t.substr(u + 1)) ? void 0 === n ? x(e) && !isNaN(parseInt(i)) ? e.splice(i, 1) : delete e[i] : e[i] = n : b(a = (a = e[i]) && m(e, i) ? a : e[i] = {}, u, n)) : void 0 === n ? x(e) && !isNaN(parseInt(t)) ? e.splice(t, 1) : delete e[t] : e[t] = n;
			}
		}
		function G(e) {
			var t, n = {};
			for (t in e) m(e, t) && (n[t] = e[t]);
			return n;
		}
		var X = [].concat;
		function H(e) {
			return X.apply([], e);
		}
		var e = "BigUint64Array,BigInt64Array,Array,Boolean,String,Date,RegExp,Blob,File,FileList,FileSystemFileHandle,FileSystemDirectoryHandle,ArrayBuffer,DataView,Uint8ClampedArray,ImageBitmap,ImageData,Map,Set,CryptoKey".split(",").concat(H([
			8,
			16,
			32,
			64
		].map(function(t) {
			return [
				"Int",
				"Uint",
				"Float"
			].map(function(e) {
				return e + t + "Array";
			});
		}))).filter(function(e) {
			return f[e];
		}), J = new Set(e.map(function(e) {
			return f[e];
		}));
		var Z = null;
		function ee(e) {
			Z = /* @__PURE__ */ new WeakMap();
			e = function e(t) {
				if (!t || "object" != typeof t) return t;
				var n = Z.get(t);
				if (n) return n;
				if (x(t)) {
					n = [], Z.set(t, n);
					for (var r = 0, o = t.length; r < o; ++r) n.push(e(t[r]));
				} else if (J.has(t.constructor)) n = t;
				else {
					var i, a = F(t);
					for (i in n = a === Object.prototype ? {} : Object.create(a), Z.set(t, n), t) m(t, i) && (n[i] = e(t[i]));
				}
				return n;
			}(e);
			return Z = null, e;
		}
		var te = {}.toString;
		function ne(e) {
			return te.call(e).slice(8, -1);
		}
		var re = "undefined" != typeof Symbol ? Symbol.iterator : "@@iterator", oe = "symbol" == typeof re ? function(e) {
			var t;
			return null != e && (t = e[re]) && t.apply(e);
		} : function() {
			return null;
		};
		function ie(e, t) {
			t = e.indexOf(t);
			0 <= t && e.splice(t, 1);
		}
		var ae = {};
		function n(e) {
			var t, n, r, o;
			if (1 === arguments.length) {
				if (x(e)) return e.slice();
				if (this === ae && "string" == typeof e) return [e];
				if (o = oe(e)) for (n = []; !(r = o.next()).done;) n.push(r.value);
				else {
					if (null == e) return [e];
					if ("number" != typeof (t = e.length)) return [e];
					for (n = new Array(t); t--;) n[t] = e[t];
				}
			} else for (t = arguments.length, n = new Array(t); t--;) n[t] = arguments[t];
			return n;
		}
		var ue = "undefined" != typeof Symbol ? function(e) {
			return "AsyncFunction" === e[Symbol.toStringTag];
		} : function() {
			return !1;
		}, e = [
			"Unknown",
			"Constraint",
			"Data",
			"TransactionInactive",
			"ReadOnly",
			"Version",
			"NotFound",
			"InvalidState",
			"InvalidAccess",
			"Abort",
			"Timeout",
			"QuotaExceeded",
			"Syntax",
			"DataClone"
		], t = [
			"Modify",
			"Bulk",
			"OpenFailed",
			"VersionChange",
			"Schema",
			"Upgrade",
			"InvalidTable",
			"MissingAPI",
			"NoSuchDatabase",
			"InvalidArgument",
			"SubTransaction",
			"Unsupported",
			"Internal",
			"DatabaseClosed",
			"PrematureCommit",
			"ForeignAwait"
		].concat(e), se = {
			VersionChanged: "Database version changed by other database connection",
			DatabaseClosed: "Database has been closed",
			Abort: "Transaction aborted",
			TransactionInactive: "Transaction has already completed or failed",
			MissingAPI: "IndexedDB API missing. Please visit https://tinyurl.com/y2uuvskb"
		};
		function ce(e, t) {
			this.name = e, this.message = t;
		}
		function le(e, t) {
			return e + ". Errors: " + Object.keys(t).map(function(e) {
				return t[e].toString();
			}).filter(function(e, t, n) {
				return n.indexOf(e) === t;
			}).join("\n");
		}
		function fe(e, t, n, r) {
			this.failures = t, this.failedKeys = r, this.successCount = n, this.message = le(e, t);
		}
		function he(e, t) {
			this.name = "BulkError", this.failures = Object.keys(t).map(function(e) {
				return t[e];
			}), this.failuresByPos = t, this.message = le(e, this.failures);
		}
		U(ce).from(Error).extend({ toString: function() {
			return this.name + ": " + this.message;
		} }), U(fe).from(ce), U(he).from(ce);
		var de = t.reduce(function(e, t) {
			return e[t] = t + "Error", e;
		}, {}), pe = ce, k = t.reduce(function(e, n) {
			var r = n + "Error";
			function t(e, t) {
				this.name = r, e ? "string" == typeof e ? (this.message = "".concat(e).concat(t ? "\n " + t : ""), this.inner = t || null) : "object" == typeof e && (this.message = "".concat(e.name, " ").concat(e.message), this.inner = e) : (this.message = se[n] || r, this.inner = null);
			}
			return U(t).from(pe), e[n] = t, e;
		}, {}), ye = (k.Syntax = SyntaxError, k.Type = TypeError, k.Range = RangeError, e.reduce(function(e, t) {
			return e[t + "Error"] = k[t], e;
		}, {}));
		e = t.reduce(function(e, t) {
			return -1 === [
				"Syntax",
				"Type",
				"Range"
			].indexOf(t) && (e[t + "Error"] = k[t]), e;
		}, {});
		function g() {}
		function ve(e) {
			return e;
		}
		function me(t, n) {
			return null == t || t === ve ? n : function(e) {
				return n(t(e));
			};
		}
		function be(e, t) {
			return function() {
				e.apply(this, arguments), t.apply(this, arguments);
			};
		}
		function ge(o, i) {
			return o === g ? i : function() {
				var e = o.apply(this, arguments), t = (void 0 !== e && (arguments[0] = e), this.onsuccess), n = this.onerror, r = (this.onsuccess = null, this.onerror = null, i.apply(this, arguments));
				return t && (this.onsuccess = this.onsuccess ? be(t, this.onsuccess) : t), n && (this.onerror = this.onerror ? be(n, this.onerror) : n), void 0 !== r ? r : e;
			};
		}
		function we(n, r) {
			return n === g ? r : function() {
				n.apply(this, arguments);
				var e = this.onsuccess, t = this.onerror;
				this.onsuccess = this.onerror = null, r.apply(this, arguments), e && (this.onsuccess = this.onsuccess ? be(e, this.onsuccess) : e), t && (this.onerror = this.onerror ? be(t, this.onerror) : t);
			};
		}
		function _e(o, i) {
			return o === g ? i : function(e) {
				var t = o.apply(this, arguments), e = (a(e, t), this.onsuccess), n = this.onerror, r = (this.onsuccess = null, this.onerror = null, i.apply(this, arguments));
				return e && (this.onsuccess = this.onsuccess ? be(e, this.onsuccess) : e), n && (this.onerror = this.onerror ? be(n, this.onerror) : n), void 0 === t ? void 0 === r ? void 0 : r : a(t, r);
			};
		}
		function xe(e, t) {
			return e === g ? t : function() {
				return !1 !== t.apply(this, arguments) && e.apply(this, arguments);
			};
		}
		function ke(o, i) {
			return o === g ? i : function() {
				var e = o.apply(this, arguments);
				if (e && "function" == typeof e.then) {
					for (var t = this, n = arguments.length, r = new Array(n); n--;) r[n] = arguments[n];
					return e.then(function() {
						return i.apply(t, r);
					});
				}
				return i.apply(this, arguments);
			};
		}
		e.ModifyError = fe, e.DexieError = ce, e.BulkError = he;
		var l = "undefined" != typeof location && /^(http|https):\/\/(localhost|127\.0\.0\.1)/.test(location.href);
		function Oe(e) {
			l = e;
		}
		var Pe = {}, Ke = 100, Ee = "undefined" == typeof Promise ? [] : (t = Promise.resolve(), "undefined" != typeof crypto && crypto.subtle ? [
			Ee = crypto.subtle.digest("SHA-512", new Uint8Array([0])),
			F(Ee),
			t
		] : [
			t,
			F(t),
			t
		]), t = Ee[0], Se = Ee[1], Se = Se && Se.then, Ae = t && t.constructor, Ce = !!Ee[2];
		var je = function(e, t) {
			Re.push([e, t]), Ie && (queueMicrotask(Ye), Ie = !1);
		}, Te = !0, Ie = !0, qe = [], De = [], Be = ve, s = {
			id: "global",
			global: !0,
			ref: 0,
			unhandleds: [],
			onunhandled: g,
			pgp: !1,
			env: {},
			finalize: g
		}, P = s, Re = [], Fe = 0, Ne = [];
		function K(e) {
			if ("object" != typeof this) throw new TypeError("Promises must be constructed via new");
			this._listeners = [], this._lib = !1;
			var t = this._PSD = P;
			if ("function" != typeof e) {
				if (e !== Pe) throw new TypeError("Not a function");
				this._state = arguments[1], this._value = arguments[2], !1 === this._state && Ue(this, this._value);
			} else this._state = null, this._value = null, ++t.ref, function t(r, e) {
				try {
					e(function(n) {
						if (null === r._state) {
							if (n === r) throw new TypeError("A promise cannot be resolved with itself.");
							var e = r._lib && $e();
							n && "function" == typeof n.then ? t(r, function(e, t) {
								n instanceof K ? n._then(e, t) : n.then(e, t);
							}) : (r._state = !0, r._value = n, ze(r)), e && Qe();
						}
					}, Ue.bind(null, r));
				} catch (e) {
					Ue(r, e);
				}
			}(this, e);
		}
		var Me = {
			get: function() {
				var u = P, t = et;
				function e(n, r) {
					var o = this, i = !u.global && (u !== P || t !== et), a = i && !w(), e = new K(function(e, t) {
						Ve(o, new Le(ut(n, u, i, a), ut(r, u, i, a), e, t, u));
					});
					return this._consoleTask && (e._consoleTask = this._consoleTask), e;
				}
				return e.prototype = Pe, e;
			},
			set: function(e) {
				u(this, "then", e && e.prototype === Pe ? Me : {
					get: function() {
						return e;
					},
					set: Me.set
				});
			}
		};
		function Le(e, t, n, r, o) {
			this.onFulfilled = "function" == typeof e ? e : null, this.onRejected = "function" == typeof t ? t : null, this.resolve = n, this.reject = r, this.psd = o;
		}
		function Ue(e, t) {
			var n, r;
			De.push(t), null === e._state && (n = e._lib && $e(), t = Be(t), e._state = !1, e._value = t, r = e, qe.some(function(e) {
				return e._value === r._value;
			}) || qe.push(r), ze(e), n) && Qe();
		}
		function ze(e) {
			var t = e._listeners;
			e._listeners = [];
			for (var n = 0, r = t.length; n < r; ++n) Ve(e, t[n]);
			var o = e._PSD;
			--o.ref || o.finalize(), 0 === Fe && (++Fe, je(function() {
				0 == --Fe && Ge();
			}, []));
		}
		function Ve(e, t) {
			if (null === e._state) e._listeners.push(t);
			else {
				var n = e._state ? t.onFulfilled : t.onRejected;
				if (null === n) return (e._state ? t.resolve : t.reject)(e._value);
				++t.psd.ref, ++Fe, je(We, [
					n,
					e,
					t
				]);
			}
		}
		function We(e, t, n) {
			try {
				var r, o = t._value;
				!t._state && De.length && (De = []), r = l && t._consoleTask ? t._consoleTask.run(function() {
					return e(o);
				}) : e(o), t._state || -1 !== De.indexOf(o) || ((e) => {
					for (var t = qe.length; t;) if (qe[--t]._value === e._value) return qe.splice(t, 1);
				})(t), n.resolve(r);
			} catch (e) {
				n.reject(e);
			} finally {
				0 == --Fe && Ge(), --n.psd.ref || n.psd.finalize();
			}
		}
		function Ye() {
			at(s, function() {
				$e() && Qe();
			});
		}
		function $e() {
			var e = Te;
			return Ie = Te = !1, e;
		}
		function Qe() {
			var e, t, n;
			do
				for (; 0 < Re.length;) for (e = Re, Re = [], n = e.length, t = 0; t < n; ++t) {
					var r = e[t];
					r[0].apply(null, r[1]);
				}
			while (0 < Re.length);
			Ie = Te = !0;
		}
		function Ge() {
			for (var e = qe, t = (qe = [], e.forEach(function(e) {
				e._PSD.onunhandled.call(null, e._value, e);
			}), Ne.slice(0)), n = t.length; n;) t[--n]();
		}
		function Xe(e) {
			return new K(Pe, !1, e);
		}
		function E(n, r) {
			var o = P;
			return function() {
				var e = $e(), t = P;
				try {
					return h(o, !0), n.apply(this, arguments);
				} catch (e) {
					r && r(e);
				} finally {
					h(t, !1), e && Qe();
				}
			};
		}
		M(K.prototype, {
			then: Me,
			_then: function(e, t) {
				Ve(this, new Le(null, null, e, t, P));
			},
			catch: function(e) {
				var t, n;
				return 1 === arguments.length ? this.then(null, e) : (t = e, n = arguments[1], "function" == typeof t ? this.then(null, function(e) {
					return (e instanceof t ? n : Xe)(e);
				}) : this.then(null, function(e) {
					return (e && e.name === t ? n : Xe)(e);
				}));
			},
			finally: function(t) {
				return this.then(function(e) {
					return K.resolve(t()).then(function() {
						return e;
					});
				}, function(e) {
					return K.resolve(t()).then(function() {
						return Xe(e);
					});
				});
			},
			timeout: function(r, o) {
				var i = this;
				return r < 1 / 0 ? new K(function(e, t) {
					var n = setTimeout(function() {
						return t(new k.Timeout(o));
					}, r);
					i.then(e, t).finally(clearTimeout.bind(null, n));
				}) : this;
			}
		}), "undefined" != typeof Symbol && Symbol.toStringTag && u(K.prototype, Symbol.toStringTag, "Dexie.Promise"), s.env = it(), M(K, {
			all: function() {
				var i = n.apply(null, arguments).map(rt);
				return new K(function(n, r) {
					0 === i.length && n([]);
					var o = i.length;
					i.forEach(function(e, t) {
						return K.resolve(e).then(function(e) {
							i[t] = e, --o || n(i);
						}, r);
					});
				});
			},
			resolve: function(n) {
				return n instanceof K ? n : n && "function" == typeof n.then ? new K(function(e, t) {
					n.then(e, t);
				}) : new K(Pe, !0, n);
			},
			reject: Xe,
			race: function() {
				var e = n.apply(null, arguments).map(rt);
				return new K(function(t, n) {
					e.map(function(e) {
						return K.resolve(e).then(t, n);
					});
				});
			},
			PSD: {
				get: function() {
					return P;
				},
				set: function(e) {
					return P = e;
				}
			},
			totalEchoes: { get: function() {
				return et;
			} },
			newPSD: v,
			usePSD: at,
			scheduler: {
				get: function() {
					return je;
				},
				set: function(e) {
					je = e;
				}
			},
			rejectionMapper: {
				get: function() {
					return Be;
				},
				set: function(e) {
					Be = e;
				}
			},
			follow: function(o, n) {
				return new K(function(e, t) {
					return v(function(n, r) {
						var e = P;
						e.unhandleds = [], e.onunhandled = r, e.finalize = be(function() {
							var t, e = this;
							t = function() {
								0 === e.unhandleds.length ? n() : r(e.unhandleds[0]);
							}, Ne.push(function e() {
								t(), Ne.splice(Ne.indexOf(e), 1);
							}), ++Fe, je(function() {
								0 == --Fe && Ge();
							}, []);
						}, e.finalize), o();
					}, n, e, t);
				});
			}
		}), Ae && (Ae.allSettled && u(K, "allSettled", function() {
			var e = n.apply(null, arguments).map(rt);
			return new K(function(n) {
				0 === e.length && n([]);
				var r = e.length, o = new Array(r);
				e.forEach(function(e, t) {
					return K.resolve(e).then(function(e) {
						return o[t] = {
							status: "fulfilled",
							value: e
						};
					}, function(e) {
						return o[t] = {
							status: "rejected",
							reason: e
						};
					}).then(function() {
						return --r || n(o);
					});
				});
			});
		}), Ae.any && "undefined" != typeof AggregateError && u(K, "any", function() {
			var e = n.apply(null, arguments).map(rt);
			return new K(function(n, r) {
				0 === e.length && r(/* @__PURE__ */ new AggregateError([]));
				var o = e.length, i = new Array(o);
				e.forEach(function(e, t) {
					return K.resolve(e).then(function(e) {
						return n(e);
					}, function(e) {
						i[t] = e, --o || r(new AggregateError(i));
					});
				});
			});
		}), Ae.withResolvers) && (K.withResolvers = Ae.withResolvers);
		var i = {
			awaits: 0,
			echoes: 0,
			id: 0
		}, He = 0, Je = [], Ze = 0, et = 0, tt = 0;
		function v(e, t, n, r) {
			var o = P, i = Object.create(o), t = (i.parent = o, i.ref = 0, i.global = !1, i.id = ++tt, s.env, i.env = Ce ? {
				Promise: K,
				PromiseProp: {
					value: K,
					configurable: !0,
					writable: !0
				},
				all: K.all,
				race: K.race,
				allSettled: K.allSettled,
				any: K.any,
				resolve: K.resolve,
				reject: K.reject
			} : {}, t && a(i, t), ++o.ref, i.finalize = function() {
				--this.parent.ref || this.parent.finalize();
			}, at(i, e, n, r));
			return 0 === i.ref && i.finalize(), t;
		}
		function nt() {
			return i.id || (i.id = ++He), ++i.awaits, i.echoes += Ke, i.id;
		}
		function w() {
			return !!i.awaits && (0 == --i.awaits && (i.id = 0), i.echoes = i.awaits * Ke, !0);
		}
		function rt(e) {
			return i.echoes && e && e.constructor === Ae ? (nt(), e.then(function(e) {
				return w(), e;
			}, function(e) {
				return w(), S(e);
			})) : e;
		}
		function ot() {
			var e = Je[Je.length - 1];
			Je.pop(), h(e, !1);
		}
		function h(e, t) {
			var n, r, o = P;
			(t ? !i.echoes || Ze++ && e === P : !Ze || --Ze && e === P) || queueMicrotask(t ? function(e) {
				++et, i.echoes && 0 != --i.echoes || (i.echoes = i.awaits = i.id = 0), Je.push(P), h(e, !0);
			}.bind(null, e) : ot), e !== P && (P = e, o === s && (s.env = it()), Ce) && (n = s.env.Promise, r = e.env, o.global || e.global) && (Object.defineProperty(f, "Promise", r.PromiseProp), n.all = r.all, n.race = r.race, n.resolve = r.resolve, n.reject = r.reject, r.allSettled && (n.allSettled = r.allSettled), r.any) && (n.any = r.any);
		}
		function it() {
			var e = f.Promise;
			return Ce ? {
				Promise: e,
				PromiseProp: Object.getOwnPropertyDescriptor(f, "Promise"),
				all: e.all,
				race: e.race,
				allSettled: e.allSettled,
				any: e.any,
				resolve: e.resolve,
				reject: e.reject
			} : {};
		}
		function at(e, t, n, r, o) {
			var i = P;
			try {
				return h(e, !0), t(n, r, o);
			} finally {
				h(i, !1);
			}
		}
		function ut(t, n, r, o) {
			return "function" != typeof t ? t : function() {
				var e = P;
				r && nt(), h(n, !0);
				try {
					return t.apply(this, arguments);
				} finally {
					h(e, !1), o && queueMicrotask(w);
				}
			};
		}
		function st(e) {
			Promise === Ae && 0 === i.echoes ? 0 === Ze ? e() : enqueueNativeMicroTask(e) : setTimeout(e, 0);
		}
		-1 === ("" + Se).indexOf("[native code]") && (nt = w = g);
		var S = K.reject;
		var ct = String.fromCharCode(65535), A = "Invalid key provided. Keys must be of type string, number, Date or Array<string | number | Date>.", lt = "String expected.", ft = "__dbnames", ht = "readonly", dt = "readwrite";
		function pt(e, t) {
			return e ? t ? function() {
				return e.apply(this, arguments) && t.apply(this, arguments);
			} : e : t;
		}
		var yt = {
			type: 3,
			lower: -1 / 0,
			lowerOpen: !1,
			upper: [[]],
			upperOpen: !1
		};
		function vt(t) {
			return "string" != typeof t || /\./.test(t) ? function(e) {
				return e;
			} : function(e) {
				return void 0 === e[t] && t in e && delete (e = ee(e))[t], e;
			};
		}
		function mt() {
			throw k.Type("Entity instances must never be new:ed. Instances are generated by the framework bypassing the constructor.");
		}
		function C(e, t) {
			try {
				var n = bt(e), r = bt(t);
				if (n !== r) return "Array" === n ? 1 : "Array" === r ? -1 : "binary" === n ? 1 : "binary" === r ? -1 : "string" === n ? 1 : "string" === r ? -1 : "Date" === n ? 1 : "Date" !== r ? NaN : -1;
				switch (n) {
					case "number":
					case "Date":
					case "string": return t < e ? 1 : e < t ? -1 : 0;
					case "binary":
						for (var o = gt(e), i = gt(t), a = o.length, u = i.length, s = a < u ? a : u, c = 0; c < s; ++c) if (o[c] !== i[c]) return o[c] < i[c] ? -1 : 1;
						return a === u ? 0 : a < u ? -1 : 1;
					case "Array":
						for (var l = e, f = t, h = l.length, d = f.length, p = h < d ? h : d, y = 0; y < p; ++y) {
							var v = C(l[y], f[y]);
							if (0 !== v) return v;
						}
						return h === d ? 0 : h < d ? -1 : 1;
				}
			} catch (e) {}
			return NaN;
		}
		function bt(e) {
			var t = typeof e;
			return "object" == t && (ArrayBuffer.isView(e) || "ArrayBuffer" === (t = ne(e))) ? "binary" : t;
		}
		function gt(e) {
			return e instanceof Uint8Array ? e : ArrayBuffer.isView(e) ? new Uint8Array(e.buffer, e.byteOffset, e.byteLength) : new Uint8Array(e);
		}
		function wt(t, n, r) {
			var e = t.schema.yProps;
			return e ? (n && 0 < r.numFailures && (n = n.filter(function(e, t) {
				return !r.failures[t];
			})), Promise.all(e.map(function(e) {
				e = e.updatesTable;
				return n ? t.db.table(e).where("k").anyOf(n).delete() : t.db.table(e).clear();
			})).then(function() {
				return r;
			})) : r;
		}
		xt.prototype.execute = function(e) {
			var t = this["@@propmod"];
			if (void 0 !== t.add) {
				var n = t.add;
				if (x(n)) return R(R([], x(e) ? e : [], !0), n, !0).sort();
				if ("number" == typeof n) return (Number(e) || 0) + n;
				if ("bigint" == typeof n) try {
					return BigInt(e) + n;
				} catch (e) {
					return BigInt(0) + n;
				}
				throw new TypeError("Invalid term ".concat(n));
			}
			if (void 0 !== t.remove) {
				var r = t.remove;
				if (x(r)) return x(e) ? e.filter(function(e) {
					return !r.includes(e);
				}).sort() : [];
				if ("number" == typeof r) return Number(e) - r;
				if ("bigint" == typeof r) try {
					return BigInt(e) - r;
				} catch (e) {
					return BigInt(0) - r;
				}
				throw new TypeError("Invalid subtrahend ".concat(r));
			}
			n = null == (n = t.replacePrefix) ? void 0 : n[0];
			return n && "string" == typeof e && e.startsWith(n) ? t.replacePrefix[1] + e.substring(n.length) : e;
		};
		var _t = xt;
		function xt(e) {
			this["@@propmod"] = e;
		}
		function kt(e, t) {
			for (var n = O(t), r = n.length, o = !1, i = 0; i < r; ++i) {
				var a = n[i], u = t[a], s = c(e, a);
				u instanceof _t ? (b(e, a, u.execute(s)), o = !0) : s !== u && (b(e, a, u), o = !0);
			}
			return o;
		}
		r.prototype._trans = function(e, r, t) {
			var n = this._tx || P.trans, o = this.name, i = l && "undefined" != typeof console && console.createTask && console.createTask("Dexie: ".concat("readonly" === e ? "read" : "write", " ").concat(this.name));
			function a(e, t, n) {
				if (n.schema[o]) return r(n.idbtrans, n);
				throw new k.NotFound("Table " + o + " not part of transaction");
			}
			var u = $e();
			try {
				var s = n && n.db._novip === this.db._novip ? n === P.trans ? n._promise(e, a, t) : v(function() {
					return n._promise(e, a, t);
				}, {
					trans: n,
					transless: P.transless || P
				}) : function t(n, r, o, i) {
					if (n.idbdb && (n._state.openComplete || P.letThrough || n._vip)) {
						var a = n._createTransaction(r, o, n._dbSchema);
						try {
							a.create(), n._state.PR1398_maxLoop = 3;
						} catch (e) {
							return e.name === de.InvalidState && n.isOpen() && 0 < --n._state.PR1398_maxLoop ? (console.warn("Dexie: Need to reopen db"), n.close({ disableAutoOpen: !1 }), n.open().then(function() {
								return t(n, r, o, i);
							})) : S(e);
						}
						return a._promise(r, function(e, t) {
							return v(function() {
								return P.trans = a, i(e, t, a);
							});
						}).then(function(e) {
							if ("readwrite" === r) try {
								a.idbtrans.commit();
							} catch (e) {}
							return "readonly" === r ? e : a._completion.then(function() {
								return e;
							});
						});
					}
					if (n._state.openComplete) return S(new k.DatabaseClosed(n._state.dbOpenError));
					if (!n._state.isBeingOpened) {
						if (!n._state.autoOpen) return S(new k.DatabaseClosed());
						n.open().catch(g);
					}
					return n._state.dbReadyPromise.then(function() {
						return t(n, r, o, i);
					});
				}(this.db, e, [this.name], a);
				return i && (s._consoleTask = i, s = s.catch(function(e) {
					return console.trace(e), S(e);
				})), s;
			} finally {
				u && Qe();
			}
		}, r.prototype.get = function(t, e) {
			var n = this;
			return t && t.constructor === Object ? this.where(t).first(e) : null == t ? S(new k.Type("Invalid argument to Table.get()")) : this._trans("readonly", function(e) {
				return n.core.get({
					trans: e,
					key: t
				}).then(function(e) {
					return n.hook.reading.fire(e);
				});
			}).then(e);
		}, r.prototype.where = function(i) {
			if ("string" == typeof i) return new this.db.WhereClause(this, i);
			if (x(i)) return new this.db.WhereClause(this, "[".concat(i.join("+"), "]"));
			var n = O(i);
			if (1 === n.length) return this.where(n[0]).equals(i[n[0]]);
			var e = this.schema.indexes.concat(this.schema.primKey).filter(function(t) {
				if (t.compound && n.every(function(e) {
					return 0 <= t.keyPath.indexOf(e);
				})) {
					for (var e = 0; e < n.length; ++e) if (-1 === n.indexOf(t.keyPath[e])) return !1;
					return !0;
				}
				return !1;
			}).sort(function(e, t) {
				return e.keyPath.length - t.keyPath.length;
			})[0];
			if (e && this.db._maxKey !== ct) return t = e.keyPath.slice(0, n.length), this.where(t).equals(t.map(function(e) {
				return i[e];
			}));
			!e && l && console.warn("The query ".concat(JSON.stringify(i), " on ").concat(this.name, " would benefit from a ") + "compound index [".concat(n.join("+"), "]"));
			var a = this.schema.idxByName;
			function u(e, t) {
				return 0 === C(e, t);
			}
			var t = n.reduce(function(e, t) {
				var n = e[0], e = e[1], r = a[t], o = i[t];
				return [n || r, n || !r ? pt(e, r && r.multi ? function(e) {
					e = c(e, t);
					return x(e) && e.some(function(e) {
						return u(o, e);
					});
				} : function(e) {
					return u(o, c(e, t));
				}) : e];
			}, [null, null]), r = t[0], t = t[1];
			return r ? this.where(r.name).equals(i[r.keyPath]).filter(t) : e ? this.filter(t) : this.where(n).equals("");
		}, r.prototype.filter = function(e) {
			return this.toCollection().and(e);
		}, r.prototype.count = function(e) {
			return this.toCollection().count(e);
		}, r.prototype.offset = function(e) {
			return this.toCollection().offset(e);
		}, r.prototype.limit = function(e) {
			return this.toCollection().limit(e);
		}, r.prototype.each = function(e) {
			return this.toCollection().each(e);
		}, r.prototype.toArray = function(e) {
			return this.toCollection().toArray(e);
		}, r.prototype.toCollection = function() {
			return new this.db.Collection(new this.db.WhereClause(this));
		}, r.prototype.orderBy = function(e) {
			return new this.db.Collection(new this.db.WhereClause(this, x(e) ? "[".concat(e.join("+"), "]") : e));
		}, r.prototype.reverse = function() {
			return this.toCollection().reverse();
		}, r.prototype.mapToClass = function(r) {
			for (var i = this.db, a = this.name, o = ((this.schema.mappedClass = r).prototype instanceof mt && (r = ((e) => {
				var t = o, n = e;
				if ("function" != typeof n && null !== n) throw new TypeError("Class extends value " + String(n) + " is not a constructor or null");
				function r() {
					this.constructor = t;
				}
				function o() {
					return null !== e && e.apply(this, arguments) || this;
				}
				return B(t, n), t.prototype = null === n ? Object.create(n) : (r.prototype = n.prototype, new r()), Object.defineProperty(o.prototype, "db", {
					get: function() {
						return i;
					},
					enumerable: !1,
					configurable: !0
				}), o.prototype.table = function() {
					return a;
				}, o;
			})(r)), /* @__PURE__ */ new Set()), e = r.prototype; e; e = F(e)) Object.getOwnPropertyNames(e).forEach(function(e) {
				return o.add(e);
			});
			function t(e) {
				if (!e) return e;
				var t, n = Object.create(r.prototype);
				for (t in e) if (!o.has(t)) try {
					n[t] = e[t];
				} catch (e) {}
				return n;
			}
			return this.schema.readHook && this.hook.reading.unsubscribe(this.schema.readHook), this.schema.readHook = t, this.hook("reading", t), r;
		}, r.prototype.defineClass = function() {
			return this.mapToClass(function(e) {
				a(this, e);
			});
		}, r.prototype.add = function(t, n) {
			var r = this, e = this.schema.primKey, o = e.auto, i = e.keyPath, a = t;
			return i && o && (a = vt(i)(t)), this._trans("readwrite", function(e) {
				return r.core.mutate({
					trans: e,
					type: "add",
					keys: null != n ? [n] : null,
					values: [a]
				});
			}).then(function(e) {
				return e.numFailures ? K.reject(e.failures[0]) : e.lastResult;
			}).then(function(e) {
				if (i) try {
					b(t, i, e);
				} catch (e) {}
				return e;
			});
		}, r.prototype.upsert = function(r, o) {
			var i = this, a = this.schema.primKey.keyPath;
			return this._trans("readwrite", function(n) {
				return i.core.get({
					trans: n,
					key: r
				}).then(function(t) {
					var e = null != t ? t : {};
					return kt(e, o), a && b(e, a, r), i.core.mutate({
						trans: n,
						type: "put",
						values: [e],
						keys: [r],
						upsert: !0,
						updates: {
							keys: [r],
							changeSpecs: [o]
						}
					}).then(function(e) {
						return e.numFailures ? K.reject(e.failures[0]) : !!t;
					});
				});
			});
		}, r.prototype.update = function(e, t) {
			return "object" != typeof e || x(e) ? this.where(":id").equals(e).modify(t) : void 0 === (e = c(e, this.schema.primKey.keyPath)) ? S(new k.InvalidArgument("Given object does not contain its primary key")) : this.where(":id").equals(e).modify(t);
		}, r.prototype.put = function(t, n) {
			var r = this, e = this.schema.primKey, o = e.auto, i = e.keyPath, a = t;
			return i && o && (a = vt(i)(t)), this._trans("readwrite", function(e) {
				return r.core.mutate({
					trans: e,
					type: "put",
					values: [a],
					keys: null != n ? [n] : null
				});
			}).then(function(e) {
				return e.numFailures ? K.reject(e.failures[0]) : e.lastResult;
			}).then(function(e) {
				if (i) try {
					b(t, i, e);
				} catch (e) {}
				return e;
			});
		}, r.prototype.delete = function(t) {
			var n = this;
			return this._trans("readwrite", function(e) {
				return n.core.mutate({
					trans: e,
					type: "delete",
					keys: [t]
				}).then(function(e) {
					return wt(n, [t], e);
				}).then(function(e) {
					return e.numFailures ? K.reject(e.failures[0]) : void 0;
				});
			});
		}, r.prototype.clear = function() {
			var t = this;
			return this._trans("readwrite", function(e) {
				return t.core.mutate({
					trans: e,
					type: "deleteRange",
					range: yt
				}).then(function(e) {
					return wt(t, null, e);
				});
			}).then(function(e) {
				return e.numFailures ? K.reject(e.failures[0]) : void 0;
			});
		}, r.prototype.bulkGet = function(t) {
			var n = this;
			return this._trans("readonly", function(e) {
				return n.core.getMany({
					keys: t,
					trans: e
				}).then(function(e) {
					return e.map(function(e) {
						return n.hook.reading.fire(e);
					});
				});
			});
		}, r.prototype.bulkAdd = function(o, e, t) {
			var i = this, a = Array.isArray(e) ? e : void 0, u = (t = t || (a ? void 0 : e)) ? t.allKeys : void 0;
			return this._trans("readwrite", function(e) {
				var t = i.schema.primKey, n = t.auto, t = t.keyPath;
				if (t && a) throw new k.InvalidArgument("bulkAdd(): keys argument invalid on tables with inbound keys");
				if (a && a.length !== o.length) throw new k.InvalidArgument("Arguments objects and keys must have the same length");
				var r = o.length, n = t && n ? o.map(vt(t)) : o;
				return i.core.mutate({
					trans: e,
					type: "add",
					keys: a,
					values: n,
					wantResults: u
				}).then(function(e) {
					var t = e.numFailures, n = e.failures;
					if (0 === t) return u ? e.results : e.lastResult;
					throw new he("".concat(i.name, ".bulkAdd(): ").concat(t, " of ").concat(r, " operations failed"), n);
				});
			});
		}, r.prototype.bulkPut = function(o, e, t) {
			var i = this, a = Array.isArray(e) ? e : void 0, u = (t = t || (a ? void 0 : e)) ? t.allKeys : void 0;
			return this._trans("readwrite", function(e) {
				var t = i.schema.primKey, n = t.auto, t = t.keyPath;
				if (t && a) throw new k.InvalidArgument("bulkPut(): keys argument invalid on tables with inbound keys");
				if (a && a.length !== o.length) throw new k.InvalidArgument("Arguments objects and keys must have the same length");
				var r = o.length, n = t && n ? o.map(vt(t)) : o;
				return i.core.mutate({
					trans: e,
					type: "put",
					keys: a,
					values: n,
					wantResults: u
				}).then(function(e) {
					var t = e.numFailures, n = e.failures;
					if (0 === t) return u ? e.results : e.lastResult;
					throw new he("".concat(i.name, ".bulkPut(): ").concat(t, " of ").concat(r, " operations failed"), n);
				});
			});
		}, r.prototype.bulkUpdate = function(t) {
			var h = this, n = this.core, r = t.map(function(e) {
				return e.key;
			}), o = t.map(function(e) {
				return e.changes;
			}), d = [];
			return this._trans("readwrite", function(e) {
				return n.getMany({
					trans: e,
					keys: r,
					cache: "clone"
				}).then(function(c) {
					var l = [], f = [], s = (t.forEach(function(e, t) {
						var n = e.key, r = e.changes, o = c[t];
						if (o) {
							for (var i = 0, a = Object.keys(r); i < a.length; i++) {
								var u = a[i], s = r[u];
								if (u === h.schema.primKey.keyPath) {
									if (0 !== C(s, n)) throw new k.Constraint("Cannot update primary key in bulkUpdate()");
								} else b(o, u, s);
							}
							d.push(t), l.push(n), f.push(o);
						}
					}), l.length);
					return n.mutate({
						trans: e,
						type: "put",
						keys: l,
						values: f,
						updates: {
							keys: r,
							changeSpecs: o
						}
					}).then(function(e) {
						var t = e.numFailures, n = e.failures;
						if (0 === t) return s;
						for (var r = 0, o = Object.keys(n); r < o.length; r++) {
							var i, a = o[r], u = d[Number(a)];
							null != u && (i = n[a], delete n[a], n[u] = i);
						}
						throw new he("".concat(h.name, ".bulkUpdate(): ").concat(t, " of ").concat(s, " operations failed"), n);
					});
				});
			});
		}, r.prototype.bulkDelete = function(t) {
			var r = this, o = t.length;
			return this._trans("readwrite", function(e) {
				return r.core.mutate({
					trans: e,
					type: "delete",
					keys: t
				}).then(function(e) {
					return wt(r, t, e);
				});
			}).then(function(e) {
				var t = e.numFailures, n = e.failures;
				if (0 === t) return e.lastResult;
				throw new he("".concat(r.name, ".bulkDelete(): ").concat(t, " of ").concat(o, " operations failed"), n);
			});
		};
		var Ot = r;
		function r() {}
		function Pt(o) {
			function t(e, t) {
				if (t) {
					for (var n = arguments.length, r = new Array(n - 1); --n;) r[n - 1] = arguments[n];
					return a[e].subscribe.apply(null, r), o;
				}
				if ("string" == typeof e) return a[e];
			}
			var a = {};
			t.addEventType = u;
			for (var e = 1, n = arguments.length; e < n; ++e) u(arguments[e]);
			return t;
			function u(e, n, r) {
				var o, i;
				if ("object" != typeof e) return n = n || xe, i = {
					subscribers: [],
					fire: r = r || g,
					subscribe: function(e) {
						-1 === i.subscribers.indexOf(e) && (i.subscribers.push(e), i.fire = n(i.fire, e));
					},
					unsubscribe: function(t) {
						i.subscribers = i.subscribers.filter(function(e) {
							return e !== t;
						}), i.fire = i.subscribers.reduce(n, r);
					}
				}, a[e] = t[e] = i;
				O(o = e).forEach(function(e) {
					var t = o[e];
					if (x(t)) u(e, o[e][0], o[e][1]);
					else {
						if ("asap" !== t) throw new k.InvalidArgument("Invalid event config");
						var n = u(e, ve, function() {
							for (var e = arguments.length, t = new Array(e); e--;) t[e] = arguments[e];
							n.subscribers.forEach(function(e) {
								Q(function() {
									e.apply(null, t);
								});
							});
						});
					}
				});
			}
		}
		function Kt(e, t) {
			return U(t).from({ prototype: e }), t;
		}
		function Et(e, t) {
			return !(e.filter || e.algorithm || e.or) && (t ? e.justLimit : !e.replayFilter);
		}
		function St(e, t) {
			e.filter = pt(e.filter, t);
		}
		function At(e, t, n) {
			var r = e.replayFilter;
			e.replayFilter = r ? function() {
				return pt(r(), t());
			} : t, e.justLimit = n && !r;
		}
		function Ct(e, t) {
			if (e.isPrimKey) return t.primaryKey;
			var n = t.getIndexByKeyPath(e.index);
			if (n) return n;
			throw new k.Schema("KeyPath " + e.index + " on object store " + t.name + " is not indexed");
		}
		function jt(e, t, n) {
			var r = Ct(e, t.schema);
			return t.openCursor({
				trans: n,
				values: !e.keysOnly,
				reverse: "prev" === e.dir,
				unique: !!e.unique,
				query: {
					index: r,
					range: e.range
				}
			});
		}
		function Tt(e, i, t, n) {
			var a, r, u = e.replayFilter ? pt(e.filter, e.replayFilter()) : e.filter;
			return e.or ? (a = {}, r = function(e, t, n) {
				var r, o;
				u && !u(t, n, function(e) {
					return t.stop(e);
				}, function(e) {
					return t.fail(e);
				}) || ("[object ArrayBuffer]" === (o = "" + (r = t.primaryKey)) && (o = "" + new Uint8Array(r)), m(a, o)) || (a[o] = !0, i(e, t, n));
			}, Promise.all([e.or._iterate(r, t), It(jt(e, n, t), e.algorithm, r, !e.keysOnly && e.valueMapper)])) : It(jt(e, n, t), pt(e.algorithm, u), i, !e.keysOnly && e.valueMapper);
		}
		function It(e, r, o, i) {
			var a = E(i ? function(e, t, n) {
				return o(i(e), t, n);
			} : o);
			return e.then(function(n) {
				if (n) return n.start(function() {
					var t = function() {
						return n.continue();
					};
					r && !r(n, function(e) {
						return t = e;
					}, function(e) {
						n.stop(e), t = g;
					}, function(e) {
						n.fail(e), t = g;
					}) || a(n.value, n, function(e) {
						return t = e;
					}), t();
				});
			});
		}
		o.prototype._read = function(e, t) {
			var n = this._ctx;
			return n.error ? n.table._trans(null, S.bind(null, n.error)) : n.table._trans("readonly", e).then(t);
		}, o.prototype._write = function(e) {
			var t = this._ctx;
			return t.error ? t.table._trans(null, S.bind(null, t.error)) : t.table._trans("readwrite", e, "locked");
		}, o.prototype._addAlgorithm = function(e) {
			var t = this._ctx;
			t.algorithm = pt(t.algorithm, e);
		}, o.prototype._iterate = function(e, t) {
			return Tt(this._ctx, e, t, this._ctx.table.core);
		}, o.prototype.clone = function(e) {
			var t = Object.create(this.constructor.prototype), n = Object.create(this._ctx);
			return e && a(n, e), t._ctx = n, t;
		}, o.prototype.raw = function() {
			return this._ctx.valueMapper = null, this;
		}, o.prototype.each = function(t) {
			var n = this._ctx;
			return this._read(function(e) {
				return Tt(n, t, e, n.table.core);
			});
		}, o.prototype.count = function(e) {
			var o = this;
			return this._read(function(e) {
				var t, n = o._ctx, r = n.table.core;
				return Et(n, !0) ? r.count({
					trans: e,
					query: {
						index: Ct(n, r.schema),
						range: n.range
					}
				}).then(function(e) {
					return Math.min(e, n.limit);
				}) : (t = 0, Tt(n, function() {
					return ++t, !1;
				}, e, r).then(function() {
					return t;
				}));
			}).then(e);
		}, o.prototype.sortBy = function(e, t) {
			var n = e.split(".").reverse(), r = n[0], o = n.length - 1;
			function i(e, t) {
				return t ? i(e[n[t]], t - 1) : e[r];
			}
			var a = "next" === this._ctx.dir ? 1 : -1;
			function u(e, t) {
				return C(i(e, o), i(t, o)) * a;
			}
			return this.toArray(function(e) {
				return e.sort(u);
			}).then(t);
		}, o.prototype.toArray = function(e) {
			var i = this;
			return this._read(function(e) {
				var t, n, r, o = i._ctx;
				return Et(o, !0) && 0 < o.limit ? (t = o.valueMapper, n = Ct(o, o.table.core.schema), o.table.core.query({
					trans: e,
					limit: o.limit,
					values: !0,
					direction: "prev" === o.dir ? "prev" : void 0,
					query: {
						index: n,
						range: o.range
					}
				}).then(function(e) {
					e = e.result;
					return t ? e.map(t) : e;
				})) : (r = [], Tt(o, function(e) {
					return r.push(e);
				}, e, o.table.core).then(function() {
					return r;
				}));
			}, e);
		}, o.prototype.offset = function(t) {
			var e = this._ctx;
			return t <= 0 || (e.offset += t, Et(e) ? At(e, function() {
				var n = t;
				return function(e, t) {
					return 0 === n || (1 === n ? --n : t(function() {
						e.advance(n), n = 0;
					}), !1);
				};
			}) : At(e, function() {
				var e = t;
				return function() {
					return --e < 0;
				};
			})), this;
		}, o.prototype.limit = function(e) {
			return this._ctx.limit = Math.min(this._ctx.limit, e), At(this._ctx, function() {
				var r = e;
				return function(e, t, n) {
					return --r <= 0 && t(n), 0 <= r;
				};
			}, !0), this;
		}, o.prototype.until = function(r, o) {
			return St(this._ctx, function(e, t, n) {
				return !r(e.value) || (t(n), o);
			}), this;
		}, o.prototype.first = function(e) {
			return this.limit(1).toArray(function(e) {
				return e[0];
			}).then(e);
		}, o.prototype.last = function(e) {
			return this.reverse().first(e);
		}, o.prototype.filter = function(t) {
			var e;
			return St(this._ctx, function(e) {
				return t(e.value);
			}), (e = this._ctx).isMatch = pt(e.isMatch, t), this;
		}, o.prototype.and = function(e) {
			return this.filter(e);
		}, o.prototype.or = function(e) {
			return new this.db.WhereClause(this._ctx.table, e, this);
		}, o.prototype.reverse = function() {
			return this._ctx.dir = "prev" === this._ctx.dir ? "next" : "prev", this._ondirectionchange && this._ondirectionchange(this._ctx.dir), this;
		}, o.prototype.desc = function() {
			return this.reverse();
		}, o.prototype.eachKey = function(n) {
			var e = this._ctx;
			return e.keysOnly = !e.isMatch, this.each(function(e, t) {
				n(t.key, t);
			});
		}, o.prototype.eachUniqueKey = function(e) {
			return this._ctx.unique = "unique", this.eachKey(e);
		}, o.prototype.eachPrimaryKey = function(n) {
			var e = this._ctx;
			return e.keysOnly = !e.isMatch, this.each(function(e, t) {
				n(t.primaryKey, t);
			});
		}, o.prototype.keys = function(e) {
			var t = this._ctx, n = (t.keysOnly = !t.isMatch, []);
			return this.each(function(e, t) {
				n.push(t.key);
			}).then(function() {
				return n;
			}).then(e);
		}, o.prototype.primaryKeys = function(e) {
			var n = this._ctx;
			if (Et(n, !0) && 0 < n.limit) return this._read(function(e) {
				var t = Ct(n, n.table.core.schema);
				return n.table.core.query({
					trans: e,
					values: !1,
					limit: n.limit,
					direction: "prev" === n.dir ? "prev" : void 0,
					query: {
						index: t,
						range: n.range
					}
				});
			}).then(function(e) {
				return e.result;
			}).then(e);
			n.keysOnly = !n.isMatch;
			var r = [];
			return this.each(function(e, t) {
				r.push(t.primaryKey);
			}).then(function() {
				return r;
			}).then(e);
		}, o.prototype.uniqueKeys = function(e) {
			return this._ctx.unique = "unique", this.keys(e);
		}, o.prototype.firstKey = function(e) {
			return this.limit(1).keys(function(e) {
				return e[0];
			}).then(e);
		}, o.prototype.lastKey = function(e) {
			return this.reverse().firstKey(e);
		}, o.prototype.distinct = function() {
			var n, e = this._ctx, e = e.index && e.table.schema.idxByName[e.index];
			return e && e.multi && (n = {}, St(this._ctx, function(e) {
				var e = e.primaryKey.toString(), t = m(n, e);
				return n[e] = !0, !t;
			})), this;
		}, o.prototype.modify = function(x) {
			var n = this, k = this._ctx;
			return this._write(function(p) {
				function y(e, t) {
					var n = t.failures;
					u += e - t.numFailures;
					for (var r = 0, o = O(n); r < o.length; r++) {
						var i = o[r];
						a.push(n[i]);
					}
				}
				var v = "function" == typeof x ? x : function(e) {
					return kt(e, x);
				}, m = k.table.core, e = m.schema.primaryKey, b = e.outbound, g = e.extractKey, w = 200, e = n.db._options.modifyChunkSize, a = (e && (w = "object" == typeof e ? e[m.name] || e["*"] || 200 : e), []), u = 0, t = [], _ = x === Dt;
				return n.clone().primaryKeys().then(function(f) {
					function h(s) {
						var c = Math.min(w, f.length - s), l = f.slice(s, s + c);
						return (_ ? Promise.resolve([]) : m.getMany({
							trans: p,
							keys: l,
							cache: "immutable"
						})).then(function(e) {
							var n = [], t = [], r = b ? [] : null, o = _ ? l : [];
							if (!_) for (var i = 0; i < c; ++i) {
								var a = e[i], u = {
									value: ee(a),
									primKey: f[s + i]
								};
								!1 !== v.call(u, u.value, u) && (null == u.value ? o.push(f[s + i]) : b || 0 === C(g(a), g(u.value)) ? (t.push(u.value), b && r.push(f[s + i])) : (o.push(f[s + i]), n.push(u.value)));
							}
							return Promise.resolve(0 < n.length && m.mutate({
								trans: p,
								type: "add",
								values: n
							}).then(function(e) {
								for (var t in e.failures) o.splice(parseInt(t), 1);
								y(n.length, e);
							})).then(function() {
								return (0 < t.length || d && "object" == typeof x) && m.mutate({
									trans: p,
									type: "put",
									keys: r,
									values: t,
									criteria: d,
									changeSpec: "function" != typeof x && x,
									isAdditionalChunk: 0 < s
								}).then(function(e) {
									return y(t.length, e);
								});
							}).then(function() {
								return (0 < o.length || d && _) && m.mutate({
									trans: p,
									type: "delete",
									keys: o,
									criteria: d,
									isAdditionalChunk: 0 < s
								}).then(function(e) {
									return wt(k.table, o, e);
								}).then(function(e) {
									return y(o.length, e);
								});
							}).then(function() {
								return f.length > s + c && h(s + w);
							});
						});
					}
					var d = Et(k) && k.limit === 1 / 0 && ("function" != typeof x || _) && {
						index: k.index,
						range: k.range
					};
					return h(0).then(function() {
						if (0 < a.length) throw new fe("Error modifying one or more objects", a, u, t);
						return f.length;
					});
				});
			});
		}, o.prototype.delete = function() {
			var o = this._ctx, n = o.range;
			return !Et(o) || o.table.schema.yProps || !o.isPrimKey && 3 !== n.type ? this.modify(Dt) : this._write(function(e) {
				var t = o.table.core.schema.primaryKey, r = n;
				return o.table.core.count({
					trans: e,
					query: {
						index: t,
						range: r
					}
				}).then(function(n) {
					return o.table.core.mutate({
						trans: e,
						type: "deleteRange",
						range: r
					}).then(function(e) {
						var t = e.failures, e = e.numFailures;
						if (e) throw new fe("Could not delete some values", Object.keys(t).map(function(e) {
							return t[e];
						}), n - e);
						return n - e;
					});
				});
			});
		};
		var qt = o;
		function o() {}
		var Dt = function(e, t) {
			return t.value = null;
		};
		function Bt(e, t) {
			return e < t ? -1 : e === t ? 0 : 1;
		}
		function Rt(e, t) {
			return t < e ? -1 : e === t ? 0 : 1;
		}
		function j(e, t, n) {
			e = e instanceof Lt ? new e.Collection(e) : e;
			return e._ctx.error = new (n || TypeError)(t), e;
		}
		function Ft(e) {
			return new e.Collection(e, function() {
				return Mt("");
			}).limit(0);
		}
		function Nt(e, s, n, r) {
			var o, c, l, f, h, d, p, y = n.length;
			if (!n.every(function(e) {
				return "string" == typeof e;
			})) return j(e, lt);
			function t(e) {
				o = "next" === e ? function(e) {
					return e.toUpperCase();
				} : function(e) {
					return e.toLowerCase();
				}, c = "next" === e ? function(e) {
					return e.toLowerCase();
				} : function(e) {
					return e.toUpperCase();
				}, l = "next" === e ? Bt : Rt;
				var t = n.map(function(e) {
					return {
						lower: c(e),
						upper: o(e)
					};
				}).sort(function(e, t) {
					return l(e.lower, t.lower);
				});
				f = t.map(function(e) {
					return e.upper;
				}), h = t.map(function(e) {
					return e.lower;
				}), p = "next" === (d = e) ? "" : r;
			}
			t("next");
			var e = new e.Collection(e, function() {
				return T(f[0], h[y - 1] + r);
			}), v = (e._ondirectionchange = function(e) {
				t(e);
			}, 0);
			return e._addAlgorithm(function(e, t, n) {
				var r = e.key;
				if ("string" == typeof r) {
					var o = c(r);
					if (s(o, h, v)) return !0;
					for (var i = null, a = v; a < y; ++a) {
						var u = ((e, t, n, r, o, i) => {
							for (var a = Math.min(e.length, r.length), u = -1, s = 0; s < a; ++s) {
								var c = t[s];
								if (c !== r[s]) return o(e[s], n[s]) < 0 ? e.substr(0, s) + n[s] + n.substr(s + 1) : o(e[s], r[s]) < 0 ? e.substr(0, s) + r[s] + n.substr(s + 1) : 0 <= u ? e.substr(0, u) + t[u] + n.substr(u + 1) : null;
								o(e[s], c) < 0 && (u = s);
							}
							return a < r.length && "next" === i ? e + n.substr(e.length) : a < e.length && "prev" === i ? e.substr(0, n.length) : u < 0 ? null : e.substr(0, u) + r[u] + n.substr(u + 1);
						})(r, o, f[a], h[a], l, d);
						null === u && null === i ? v = a + 1 : (null === i || 0 < l(i, u)) && (i = u);
					}
					t(null !== i ? function() {
						e.continue(i + p);
					} : n);
				}
				return !1;
			}), e;
		}
		function T(e, t, n, r) {
			return {
				type: 2,
				lower: e,
				upper: t,
				lowerOpen: n,
				upperOpen: r
			};
		}
		function Mt(e) {
			return {
				type: 1,
				lower: e,
				upper: e
			};
		}
		Object.defineProperty(d.prototype, "Collection", {
			get: function() {
				return this._ctx.table.db.Collection;
			},
			enumerable: !1,
			configurable: !0
		}), d.prototype.between = function(e, t, n, r) {
			n = !1 !== n, r = !0 === r;
			try {
				return 0 < this._cmp(e, t) || 0 === this._cmp(e, t) && (n || r) && (!n || !r) ? Ft(this) : new this.Collection(this, function() {
					return T(e, t, !n, !r);
				});
			} catch (e) {
				return j(this, A);
			}
		}, d.prototype.equals = function(e) {
			return null == e ? j(this, A) : new this.Collection(this, function() {
				return Mt(e);
			});
		}, d.prototype.above = function(e) {
			return null == e ? j(this, A) : new this.Collection(this, function() {
				return T(e, void 0, !0);
			});
		}, d.prototype.aboveOrEqual = function(e) {
			return null == e ? j(this, A) : new this.Collection(this, function() {
				return T(e, void 0, !1);
			});
		}, d.prototype.below = function(e) {
			return null == e ? j(this, A) : new this.Collection(this, function() {
				return T(void 0, e, !1, !0);
			});
		}, d.prototype.belowOrEqual = function(e) {
			return null == e ? j(this, A) : new this.Collection(this, function() {
				return T(void 0, e);
			});
		}, d.prototype.startsWith = function(e) {
			return "string" != typeof e ? j(this, lt) : this.between(e, e + ct, !0, !0);
		}, d.prototype.startsWithIgnoreCase = function(e) {
			return "" === e ? this.startsWith(e) : Nt(this, function(e, t) {
				return 0 === e.indexOf(t[0]);
			}, [e], ct);
		}, d.prototype.equalsIgnoreCase = function(e) {
			return Nt(this, function(e, t) {
				return e === t[0];
			}, [e], "");
		}, d.prototype.anyOfIgnoreCase = function() {
			var e = n.apply(ae, arguments);
			return 0 === e.length ? Ft(this) : Nt(this, function(e, t) {
				return -1 !== t.indexOf(e);
			}, e, "");
		}, d.prototype.startsWithAnyOfIgnoreCase = function() {
			var e = n.apply(ae, arguments);
			return 0 === e.length ? Ft(this) : Nt(this, function(t, e) {
				return e.some(function(e) {
					return 0 === t.indexOf(e);
				});
			}, e, ct);
		}, d.prototype.anyOf = function() {
			var e, o, t = this, i = n.apply(ae, arguments), a = this._cmp;
			try {
				i.sort(a);
			} catch (e) {
				return j(this, A);
			}
			return 0 === i.length ? Ft(this) : ((e = new this.Collection(this, function() {
				return T(i[0], i[i.length - 1]);
			}))._ondirectionchange = function(e) {
				a = "next" === e ? t._ascending : t._descending, i.sort(a);
			}, o = 0, e._addAlgorithm(function(e, t, n) {
				for (var r = e.key; 0 < a(r, i[o]);) if (++o === i.length) return t(n), !1;
				return 0 === a(r, i[o]) || (t(function() {
					e.continue(i[o]);
				}), !1);
			}), e);
		}, d.prototype.notEqual = function(e) {
			return this.inAnyRange([[-1 / 0, e], [e, this.db._maxKey]], {
				includeLowers: !1,
				includeUppers: !1
			});
		}, d.prototype.noneOf = function() {
			var e = n.apply(ae, arguments);
			if (0 === e.length) return new this.Collection(this);
			try {
				e.sort(this._ascending);
			} catch (e) {
				return j(this, A);
			}
			var t = e.reduce(function(e, t) {
				return e ? e.concat([[e[e.length - 1][1], t]]) : [[-1 / 0, t]];
			}, null);
			return t.push([e[e.length - 1], this.db._maxKey]), this.inAnyRange(t, {
				includeLowers: !1,
				includeUppers: !1
			});
		}, d.prototype.inAnyRange = function(e, t) {
			var i = this, a = this._cmp, u = this._ascending, n = this._descending, s = this._min, c = this._max;
			if (0 === e.length) return Ft(this);
			if (!e.every(function(e) {
				return void 0 !== e[0] && void 0 !== e[1] && u(e[0], e[1]) <= 0;
			})) return j(this, "First argument to inAnyRange() must be an Array of two-value Arrays [lower,upper] where upper must not be lower than lower", k.InvalidArgument);
			var r = !t || !1 !== t.includeLowers, o = t && !0 === t.includeUppers;
			var l, f = u;
			function h(e, t) {
				return f(e[0], t[0]);
			}
			try {
				(l = e.reduce(function(e, t) {
					for (var n = 0, r = e.length; n < r; ++n) {
						var o = e[n];
						if (a(t[0], o[1]) < 0 && 0 < a(t[1], o[0])) {
							o[0] = s(o[0], t[0]), o[1] = c(o[1], t[1]);
							break;
						}
					}
					return n === r && e.push(t), e;
				}, [])).sort(h);
			} catch (e) {
				return j(this, A);
			}
			var d = 0, p = o ? function(e) {
				return 0 < u(e, l[d][1]);
			} : function(e) {
				return 0 <= u(e, l[d][1]);
			}, y = r ? function(e) {
				return 0 < n(e, l[d][0]);
			} : function(e) {
				return 0 <= n(e, l[d][0]);
			};
			var v = p, t = new this.Collection(this, function() {
				return T(l[0][0], l[l.length - 1][1], !r, !o);
			});
			return t._ondirectionchange = function(e) {
				f = "next" === e ? (v = p, u) : (v = y, n), l.sort(h);
			}, t._addAlgorithm(function(e, t, n) {
				for (var r, o = e.key; v(o);) if (++d === l.length) return t(n), !1;
				return !p(r = o) && !y(r) || (0 === i._cmp(o, l[d][1]) || 0 === i._cmp(o, l[d][0]) || t(function() {
					f === u ? e.continue(l[d][0]) : e.continue(l[d][1]);
				}), !1);
			}), t;
		}, d.prototype.startsWithAnyOf = function() {
			var e = n.apply(ae, arguments);
			return e.every(function(e) {
				return "string" == typeof e;
			}) ? 0 === e.length ? Ft(this) : this.inAnyRange(e.map(function(e) {
				return [e, e + ct];
			})) : j(this, "startsWithAnyOf() only works with strings");
		};
		var Lt = d;
		function d() {}
		function I(t) {
			return E(function(e) {
				return Ut(e), t(e.target.error), !1;
			});
		}
		function Ut(e) {
			e.stopPropagation && e.stopPropagation(), e.preventDefault && e.preventDefault();
		}
		var zt = "storagemutated", Vt = "x-storagemutated-1", Wt = Pt(null, zt), Yt = (p.prototype._lock = function() {
			return $(!P.global), ++this._reculock, 1 !== this._reculock || P.global || (P.lockOwnerFor = this), this;
		}, p.prototype._unlock = function() {
			if ($(!P.global), 0 == --this._reculock) for (P.global || (P.lockOwnerFor = null); 0 < this._blockedFuncs.length && !this._locked();) {
				var e = this._blockedFuncs.shift();
				try {
					at(e[1], e[0]);
				} catch (e) {}
			}
			return this;
		}, p.prototype._locked = function() {
			return this._reculock && P.lockOwnerFor !== this;
		}, p.prototype.create = function(t) {
			var n = this;
			if (this.mode) {
				var e = this.db.idbdb, r = this.db._state.dbOpenError;
				if ($(!this.idbtrans), !t && !e) switch (r && r.name) {
					case "DatabaseClosedError": throw new k.DatabaseClosed(r);
					case "MissingAPIError": throw new k.MissingAPI(r.message, r);
					default: throw new k.OpenFailed(r);
				}
				if (!this.active) throw new k.TransactionInactive();
				$(null === this._completion._state), (t = this.idbtrans = t || (this.db.core || e).transaction(this.storeNames, this.mode, { durability: this.chromeTransactionDurability })).onerror = E(function(e) {
					Ut(e), n._reject(t.error);
				}), t.onabort = E(function(e) {
					Ut(e), n.active && n._reject(new k.Abort(t.error)), n.active = !1, n.on("abort").fire(e);
				}), t.oncomplete = E(function() {
					n.active = !1, n._resolve(), "mutatedParts" in t && Wt.storagemutated.fire(t.mutatedParts);
				});
			}
			return this;
		}, p.prototype._promise = function(n, r, o) {
			var e, i = this;
			return "readwrite" === n && "readwrite" !== this.mode ? S(new k.ReadOnly("Transaction is readonly")) : this.active ? this._locked() ? new K(function(e, t) {
				i._blockedFuncs.push([function() {
					i._promise(n, r, o).then(e, t);
				}, P]);
			}) : o ? v(function() {
				var e = new K(function(e, t) {
					i._lock();
					var n = r(e, t, i);
					n && n.then && n.then(e, t);
				});
				return e.finally(function() {
					return i._unlock();
				}), e._lib = !0, e;
			}) : ((e = new K(function(e, t) {
				var n = r(e, t, i);
				n && n.then && n.then(e, t);
			}))._lib = !0, e) : S(new k.TransactionInactive());
		}, p.prototype._root = function() {
			return this.parent ? this.parent._root() : this;
		}, p.prototype.waitFor = function(e) {
			var t, r = this._root(), o = K.resolve(e), i = (r._waitingFor ? r._waitingFor = r._waitingFor.then(function() {
				return o;
			}) : (r._waitingFor = o, r._waitingQueue = [], t = r.idbtrans.objectStore(r.storeNames[0]), function e() {
				for (++r._spinCount; r._waitingQueue.length;) r._waitingQueue.shift()();
				r._waitingFor && (t.get(-1 / 0).onsuccess = e);
			}()), r._waitingFor);
			return new K(function(t, n) {
				o.then(function(e) {
					return r._waitingQueue.push(E(t.bind(null, e)));
				}, function(e) {
					return r._waitingQueue.push(E(n.bind(null, e)));
				}).finally(function() {
					r._waitingFor === i && (r._waitingFor = null);
				});
			});
		}, p.prototype.abort = function() {
			this.active && (this.active = !1, this.idbtrans && this.idbtrans.abort(), this._reject(new k.Abort()));
		}, p.prototype.table = function(e) {
			var t = this._memoizedTables || (this._memoizedTables = {});
			if (m(t, e)) return t[e];
			var n = this.schema[e];
			if (n) return (n = new this.db.Table(e, n, this)).core = this.db.core.table(e), t[e] = n;
			throw new k.NotFound("Table " + e + " not part of transaction");
		}, p);
		function p() {}
		function $t(e, t, n, r, o, i, a, u) {
			return {
				name: e,
				keyPath: t,
				unique: n,
				multi: r,
				auto: o,
				compound: i,
				src: (n && !a ? "&" : "") + (r ? "*" : "") + (o ? "++" : "") + Qt(t),
				type: u
			};
		}
		function Qt(e) {
			return "string" == typeof e ? e : e ? "[" + [].join.call(e, "+") + "]" : "";
		}
		function Gt(e, t, n) {
			return {
				name: e,
				primKey: t,
				indexes: n,
				mappedClass: null,
				idxByName: (r = function(e) {
					return [e.name, e];
				}, n.reduce(function(e, t, n) {
					t = r(t, n);
					return t && (e[t[0]] = t[1]), e;
				}, {}))
			};
			var r;
		}
		var Xt = function(e) {
			try {
				return e.only([[]]), Xt = function() {
					return [[]];
				}, [[]];
			} catch (e) {
				return Xt = function() {
					return ct;
				}, ct;
			}
		};
		function Ht(t) {
			return null == t ? function() {} : "string" == typeof t ? 1 === (n = t).split(".").length ? function(e) {
				return e[n];
			} : function(e) {
				return c(e, n);
			} : function(e) {
				return c(e, t);
			};
			var n;
		}
		function Jt(e) {
			return [].slice.call(e);
		}
		var Zt = 0;
		function en(e) {
			return null == e ? ":id" : "string" == typeof e ? e : "[".concat(e.join("+"), "]");
		}
		function tn(e, o, t) {
			function _(e) {
				if (3 === e.type) return null;
				if (4 === e.type) throw new Error("Cannot convert never type to IDBKeyRange");
				var t = e.lower, n = e.upper, r = e.lowerOpen, e = e.upperOpen;
				return void 0 === t ? void 0 === n ? null : o.upperBound(n, !!e) : void 0 === n ? o.lowerBound(t, !!r) : o.bound(t, n, !!r, !!e);
			}
			function n(e) {
				var p, y, w = e.name;
				return {
					name: w,
					schema: e,
					mutate: function(e) {
						var y = e.trans, v = e.type, m = e.keys, b = e.values, g = e.range;
						return new Promise(function(t, e) {
							t = E(t);
							var n = y.objectStore(w), r = null == n.keyPath, o = "put" === v || "add" === v;
							if (!o && "delete" !== v && "deleteRange" !== v) throw new Error("Invalid operation type: " + v);
							var i, a = (m || b || { length: 1 }).length;
							if (m && b && m.length !== b.length) throw new Error("Given keys array must have same length as given values array.");
							if (0 === a) return t({
								numFailures: 0,
								failures: {},
								results: [],
								lastResult: void 0
							});
							function u(e) {
								++l, Ut(e);
							}
							var s = [], c = [], l = 0;
							if ("deleteRange" === v) {
								if (4 === g.type) return t({
									numFailures: l,
									failures: c,
									results: [],
									lastResult: void 0
								});
								3 === g.type ? s.push(i = n.clear()) : s.push(i = n.delete(_(g)));
							} else {
								var r = o ? r ? [b, m] : [b, null] : [m, null], f = r[0], h = r[1];
								if (o) for (var d = 0; d < a; ++d) s.push(i = h && void 0 !== h[d] ? n[v](f[d], h[d]) : n[v](f[d])), i.onerror = u;
								else for (d = 0; d < a; ++d) s.push(i = n[v](f[d])), i.onerror = u;
							}
							function p(e) {
								e = e.target.result, s.forEach(function(e, t) {
									return null != e.error && (c[t] = e.error);
								}), t({
									numFailures: l,
									failures: c,
									results: "delete" === v ? m : s.map(function(e) {
										return e.result;
									}),
									lastResult: e
								});
							}
							i.onerror = function(e) {
								u(e), p(e);
							}, i.onsuccess = p;
						});
					},
					getMany: function(e) {
						var f = e.trans, h = e.keys;
						return new Promise(function(t, e) {
							t = E(t);
							for (var n, r = f.objectStore(w), o = h.length, i = new Array(o), a = 0, u = 0, s = function(e) {
								e = e.target;
								i[e._pos] = e.result, ++u === a && t(i);
							}, c = I(e), l = 0; l < o; ++l) null != h[l] && ((n = r.get(h[l]))._pos = l, n.onsuccess = s, n.onerror = c, ++a);
							0 === a && t(i);
						});
					},
					get: function(e) {
						var r = e.trans, o = e.key;
						return new Promise(function(t, e) {
							t = E(t);
							var n = r.objectStore(w).get(o);
							n.onsuccess = function(e) {
								return t(e.target.result);
							}, n.onerror = I(e);
						});
					},
					query: (p = a, y = u, function(d) {
						return new Promise(function(t, e) {
							t = E(t);
							var n, r, o, i, a = d.trans, u = d.values, s = d.limit, c = d.query, l = null != (l = d.direction) ? l : "next", f = s === 1 / 0 ? void 0 : s, h = c.index, c = c.range, a = a.objectStore(w), a = h.isPrimaryKey ? a : a.index(h.name), h = _(c);
							if (0 === s) return t({ result: [] });
							y ? (c = {
								query: h,
								count: f,
								direction: l
							}, (n = u ? a.getAll(c) : a.getAllKeys(c)).onsuccess = function(e) {
								return t({ result: e.target.result });
							}, n.onerror = I(e)) : p && "next" === l ? ((n = u ? a.getAll(h, f) : a.getAllKeys(h, f)).onsuccess = function(e) {
								return t({ result: e.target.result });
							}, n.onerror = I(e)) : (r = 0, o = !u && "openKeyCursor" in a ? a.openKeyCursor(h, l) : a.openCursor(h, l), i = [], o.onsuccess = function() {
								var e = o.result;
								return !e || (i.push(u ? e.value : e.primaryKey), ++r === s) ? t({ result: i }) : void e.continue();
							}, o.onerror = I(e));
						});
					}),
					openCursor: function(e) {
						var c = e.trans, i = e.values, a = e.query, u = e.reverse, l = e.unique;
						return new Promise(function(t, n) {
							t = E(t);
							var e = a.index, r = a.range, o = c.objectStore(w), o = e.isPrimaryKey ? o : o.index(e.name), e = u ? l ? "prevunique" : "prev" : l ? "nextunique" : "next", s = !i && "openKeyCursor" in o ? o.openKeyCursor(_(r), e) : o.openCursor(_(r), e);
							s.onerror = I(n), s.onsuccess = E(function(e) {
								var r, o, i, a, u = s.result;
								u ? (u.___id = ++Zt, u.done = !1, r = u.continue.bind(u), o = (o = u.continuePrimaryKey) && o.bind(u), i = u.advance.bind(u), a = function() {
									throw new Error("Cursor not stopped");
								}, u.trans = c, u.stop = u.continue = u.continuePrimaryKey = u.advance = function() {
									throw new Error("Cursor not started");
								}, u.fail = E(n), u.next = function() {
									var e = this, t = 1;
									return this.start(function() {
										return t-- ? e.continue() : e.stop();
									}).then(function() {
										return e;
									});
								}, u.start = function(e) {
									function t() {
										if (s.result) try {
											e();
										} catch (e) {
											u.fail(e);
										}
										else u.done = !0, u.start = function() {
											throw new Error("Cursor behind last entry");
										}, u.stop();
									}
									var n = new Promise(function(t, e) {
										t = E(t), s.onerror = I(e), u.fail = e, u.stop = function(e) {
											u.stop = u.continue = u.continuePrimaryKey = u.advance = a, t(e);
										};
									});
									return s.onsuccess = E(function(e) {
										s.onsuccess = t, t();
									}), u.continue = r, u.continuePrimaryKey = o, u.advance = i, t(), n;
								}, t(u)) : t(null);
							}, n);
						});
					},
					count: function(e) {
						var t = e.query, o = e.trans, i = t.index, a = t.range;
						return new Promise(function(t, e) {
							var n = o.objectStore(w), n = i.isPrimaryKey ? n : n.index(i.name), r = _(a), r = r ? n.count(r) : n.count();
							r.onsuccess = E(function(e) {
								return t(e.target.result);
							}), r.onerror = I(e);
						});
					}
				};
			}
			r = t, i = Jt((t = e).objectStoreNames), s = 0 < i.length ? r.objectStore(i[0]) : {};
			var r, t = {
				schema: {
					name: t.name,
					tables: i.map(function(e) {
						return r.objectStore(e);
					}).map(function(t) {
						var e = t.keyPath, n = t.autoIncrement, r = x(e), o = {}, r = {
							name: t.name,
							primaryKey: {
								name: null,
								isPrimaryKey: !0,
								outbound: null == e,
								compound: r,
								keyPath: e,
								autoIncrement: n,
								unique: !0,
								extractKey: Ht(e)
							},
							indexes: Jt(t.indexNames).map(function(e) {
								return t.index(e);
							}).map(function(e) {
								var t = e.name, n = e.unique, r = e.multiEntry, e = e.keyPath, t = {
									name: t,
									compound: x(e),
									keyPath: e,
									unique: n,
									multiEntry: r,
									extractKey: Ht(e)
								};
								return o[en(e)] = t;
							}),
							getIndexByKeyPath: function(e) {
								return o[en(e)];
							}
						};
						return o[":id"] = r.primaryKey, null != e && (o[en(e)] = r.primaryKey), r;
					})
				},
				hasGetAll: 0 < i.length && "getAll" in s && !("undefined" != typeof navigator && /Safari/.test(navigator.userAgent) && !/(Chrome\/|Edge\/)/.test(navigator.userAgent) && [].concat(navigator.userAgent.match(/Safari\/(\d*)/))[1] < 604),
				hasIdb3Features: "getAllRecords" in s
			}, i = t.schema, a = t.hasGetAll, u = t.hasIdb3Features, s = i.tables.map(n), c = {};
			return s.forEach(function(e) {
				return c[e.name] = e;
			}), {
				stack: "dbcore",
				transaction: e.transaction.bind(e),
				table: function(e) {
					if (c[e]) return c[e];
					throw new Error("Table '".concat(e, "' not found"));
				},
				MIN_KEY: -1 / 0,
				MAX_KEY: Xt(o),
				schema: i
			};
		}
		function nn(e, t, n, r) {
			n = n.IDBKeyRange;
			return t = tn(t, n, r), { dbcore: e.dbcore.reduce(function(e, t) {
				t = t.create;
				return _(_({}, e), t(e));
			}, t) };
		}
		function rn(n, e) {
			var t = e.db, t = nn(n._middlewares, t, n._deps, e);
			n.core = t.dbcore, n.tables.forEach(function(e) {
				var t = e.name;
				n.core.schema.tables.some(function(e) {
					return e.name === t;
				}) && (e.core = n.core.table(t), n[t] instanceof n.Table) && (n[t].core = e.core);
			});
		}
		function on(o, e, t, i) {
			t.forEach(function(n) {
				var r = i[n];
				e.forEach(function(e) {
					var t = function e(t, n) {
						return z(t, n) || (t = F(t)) && e(t, n);
					}(e, n);
					(!t || "value" in t && void 0 === t.value) && (e === o.Transaction.prototype || e instanceof o.Transaction ? u(e, n, {
						get: function() {
							return this.table(n);
						},
						set: function(e) {
							L(this, n, {
								value: e,
								writable: !0,
								configurable: !0,
								enumerable: !0
							});
						}
					}) : e[n] = new o.Table(n, r));
				});
			});
		}
		function an(n, e) {
			e.forEach(function(e) {
				for (var t in e) e[t] instanceof n.Table && delete e[t];
			});
		}
		function un(e, t) {
			return e._cfg.version - t._cfg.version;
		}
		function sn(n, r, o, e) {
			var i = n._dbSchema, a = (o.objectStoreNames.contains("$meta") && !i.$meta && (i.$meta = Gt("$meta", vn("")[0], []), n._storeNames.push("$meta")), n._createTransaction("readwrite", n._storeNames, i)), u = (a.create(o), a._completion.catch(e), a._reject.bind(a)), s = P.transless || P;
			v(function() {
				if (P.trans = a, P.transless = s, 0 !== r) return rn(n, o), t = r, ((e = a).storeNames.includes("$meta") ? e.table("$meta").get("version").then(function(e) {
					return null != e ? e : t;
				}) : K.resolve(t)).then(function(e) {
					var s = n, c = e, l = a, f = o, t = [], e = s._versions, h = s._dbSchema = pn(0, s.idbdb, f);
					return 0 === (e = e.filter(function(e) {
						return e._cfg.version >= c;
					})).length ? K.resolve() : (e.forEach(function(u) {
						t.push(function() {
							var t, n, r, o = h, e = u._cfg.dbschema, i = (yn(s, o, f), yn(s, e, f), h = s._dbSchema = e, ln(o, e)), a = (i.add.forEach(function(e) {
								fn(f, e[0], e[1].primKey, e[1].indexes);
							}), i.change.forEach(function(e) {
								if (e.recreate) throw new k.Upgrade("Not yet support for changing primary key");
								var t = f.objectStore(e.name);
								e.add.forEach(function(e) {
									return dn(t, e);
								}), e.change.forEach(function(e) {
									t.deleteIndex(e.name), dn(t, e);
								}), e.del.forEach(function(e) {
									return t.deleteIndex(e);
								});
							}), u._cfg.contentUpgrade);
							if (a && u._cfg.version > c) return rn(s, f), l._memoizedTables = {}, t = G(e), i.del.forEach(function(e) {
								t[e] = o[e];
							}), an(s, [s.Transaction.prototype]), on(s, [s.Transaction.prototype], O(t), t), l.schema = t, (n = ue(a)) && nt(), e = K.follow(function() {
								var e;
								(r = a(l)) && n && (e = w.bind(null, null), r.then(e, e));
							}), r && "function" == typeof r.then ? K.resolve(r) : e.then(function() {
								return r;
							});
						}), t.push(function(e) {
							var t = u._cfg.dbschema, n = e;
							[].slice.call(n.db.objectStoreNames).forEach(function(e) {
								return null == t[e] && n.db.deleteObjectStore(e);
							}), an(s, [s.Transaction.prototype]), on(s, [s.Transaction.prototype], s._storeNames, s._dbSchema), l.schema = s._dbSchema;
						}), t.push(function(e) {
							s.idbdb.objectStoreNames.contains("$meta") && (Math.ceil(s.idbdb.version / 10) === u._cfg.version ? (s.idbdb.deleteObjectStore("$meta"), delete s._dbSchema.$meta, s._storeNames = s._storeNames.filter(function(e) {
								return "$meta" !== e;
							})) : e.objectStore("$meta").put(u._cfg.version, "version"));
						});
					}), function e() {
						return t.length ? K.resolve(t.shift()(l.idbtrans)).then(e) : K.resolve();
					}().then(function() {
						hn(h, f);
					}));
				}).catch(u);
				var e, t;
				O(i).forEach(function(e) {
					fn(o, e, i[e].primKey, i[e].indexes);
				}), rn(n, o), K.follow(function() {
					return n.on.populate.fire(a);
				}).catch(u);
			});
		}
		function cn(e, r) {
			hn(e._dbSchema, r), r.db.version % 10 != 0 || r.objectStoreNames.contains("$meta") || r.db.createObjectStore("$meta").add(Math.ceil(r.db.version / 10 - 1), "version");
			var t = pn(0, e.idbdb, r);
			yn(e, e._dbSchema, r);
			for (var n = 0, o = ln(t, e._dbSchema).change; n < o.length; n++) {
				var i = ((t) => {
					if (t.change.length || t.recreate) return console.warn("Unable to patch indexes of table ".concat(t.name, " because it has changes on the type of index or primary key.")), { value: void 0 };
					var n = r.objectStore(t.name);
					t.add.forEach(function(e) {
						l && console.debug("Dexie upgrade patch: Creating missing index ".concat(t.name, ".").concat(e.src)), dn(n, e);
					});
				})(o[n]);
				if ("object" == typeof i) return i.value;
			}
		}
		function ln(e, t) {
			var n, r = {
				del: [],
				add: [],
				change: []
			};
			for (n in e) t[n] || r.del.push(n);
			for (n in t) {
				var o = e[n], i = t[n];
				if (o) {
					var a = {
						name: n,
						def: i,
						recreate: !1,
						del: [],
						add: [],
						change: []
					};
					if ("" + (o.primKey.keyPath || "") != "" + (i.primKey.keyPath || "") || o.primKey.auto !== i.primKey.auto) a.recreate = !0, r.change.push(a);
					else {
						var u = o.idxByName, s = i.idxByName, c = void 0;
						for (c in u) s[c] || a.del.push(c);
						for (c in s) {
							var l = u[c], f = s[c];
							l ? l.src !== f.src && a.change.push(f) : a.add.push(f);
						}
						(0 < a.del.length || 0 < a.add.length || 0 < a.change.length) && r.change.push(a);
					}
				} else r.add.push([n, i]);
			}
			return r;
		}
		function fn(e, t, n, r) {
			var o = e.db.createObjectStore(t, n.keyPath ? {
				keyPath: n.keyPath,
				autoIncrement: n.auto
			} : { autoIncrement: n.auto });
			r.forEach(function(e) {
				return dn(o, e);
			});
		}
		function hn(t, n) {
			O(t).forEach(function(e) {
				n.db.objectStoreNames.contains(e) || (l && console.debug("Dexie: Creating missing table", e), fn(n, e, t[e].primKey, t[e].indexes));
			});
		}
		function dn(e, t) {
			e.createIndex(t.name, t.keyPath, {
				unique: t.unique,
				multiEntry: t.multi
			});
		}
		function pn(e, t, u) {
			var s = {};
			return W(t.objectStoreNames, 0).forEach(function(e) {
				for (var t = u.objectStore(e), n = $t(Qt(a = t.keyPath), a || "", !0, !1, !!t.autoIncrement, a && "string" != typeof a, !0), r = [], o = 0; o < t.indexNames.length; ++o) {
					var i = t.index(t.indexNames[o]), a = i.keyPath, i = $t(i.name, a, !!i.unique, !!i.multiEntry, !1, a && "string" != typeof a, !1);
					r.push(i);
				}
				s[e] = Gt(e, n, r);
			}), s;
		}
		function yn(e, t, n) {
			for (var r = n.db.objectStoreNames, o = 0; o < r.length; ++o) {
				var i = r[o], a = n.objectStore(i);
				e._hasGetAll = "getAll" in a;
				for (var u = 0; u < a.indexNames.length; ++u) {
					var s, c = a.indexNames[u], l = a.index(c).keyPath, l = "string" == typeof l ? l : "[" + W(l).join("+") + "]";
					t[i] && (s = t[i].idxByName[l]) && (s.name = c, delete t[i].idxByName[l], t[i].idxByName[c] = s);
				}
			}
			"undefined" != typeof navigator && /Safari/.test(navigator.userAgent) && !/(Chrome\/|Edge\/)/.test(navigator.userAgent) && f.WorkerGlobalScope && f instanceof f.WorkerGlobalScope && [].concat(navigator.userAgent.match(/Safari\/(\d*)/))[1] < 604 && (e._hasGetAll = !1);
		}
		function vn(e) {
			return e.split(",").map(function(e, t) {
				var n = e.split(":"), r = null == (r = n[1]) ? void 0 : r.trim(), n = (e = n[0].trim()).replace(/([&*]|\+\+)/g, ""), o = /^\[/.test(n) ? n.match(/^\[(.*)\]$/)[1].split("+") : n;
				return $t(n, o || null, /\&/.test(e), /\*/.test(e), /\+\+/.test(e), x(o), 0 === t, r);
			});
		}
		bn.prototype._createTableSchema = Gt, bn.prototype._parseIndexSyntax = vn, bn.prototype._parseStoresSpec = function(r, o) {
			var i = this;
			O(r).forEach(function(e) {
				if (null !== r[e]) {
					var t = i._parseIndexSyntax(r[e]), n = t.shift();
					if (!n) throw new k.Schema("Invalid schema for table " + e + ": " + r[e]);
					if (n.unique = !0, n.multi) throw new k.Schema("Primary key cannot be multiEntry*");
					t.forEach(function(e) {
						if (e.auto) throw new k.Schema("Only primary key can be marked as autoIncrement (++)");
						if (!e.keyPath) throw new k.Schema("Index must have a name and cannot be an empty string");
					});
					n = i._createTableSchema(e, n, t);
					o[e] = n;
				}
			});
		}, bn.prototype.stores = function(e) {
			var t = this.db, e = (this._cfg.storesSource = this._cfg.storesSource ? a(this._cfg.storesSource, e) : e, t._versions), n = {}, r = {};
			return e.forEach(function(e) {
				a(n, e._cfg.storesSource), r = e._cfg.dbschema = {}, e._parseStoresSpec(n, r);
			}), t._dbSchema = r, an(t, [
				t._allTables,
				t,
				t.Transaction.prototype
			]), on(t, [
				t._allTables,
				t,
				t.Transaction.prototype,
				this._cfg.tables
			], O(r), r), t._storeNames = O(r), this;
		}, bn.prototype.upgrade = function(e) {
			return this._cfg.contentUpgrade = ke(this._cfg.contentUpgrade || g, e), this;
		};
		var mn = bn;
		function bn() {}
		var gn = (() => {
			var o, i, t;
			return "undefined" != typeof FinalizationRegistry && "undefined" != typeof WeakRef ? (o = /* @__PURE__ */ new Set(), i = new FinalizationRegistry(function(e) {
				o.delete(e);
			}), {
				toArray: function() {
					return Array.from(o).map(function(e) {
						return e.deref();
					}).filter(function(e) {
						return void 0 !== e;
					});
				},
				add: function(e) {
					var t = new WeakRef(e._novip);
					o.add(t), i.register(e._novip, t, t), o.size > e._options.maxConnections && (t = o.values().next().value, o.delete(t), i.unregister(t));
				},
				remove: function(e) {
					if (e) for (var t = o.values(), n = t.next(); !n.done;) {
						var r = n.value;
						if (r.deref() === e._novip) return o.delete(r), void i.unregister(r);
						n = t.next();
					}
				}
			}) : (t = [], {
				toArray: function() {
					return t;
				},
				add: function(e) {
					t.push(e._novip);
				},
				remove: function(e) {
					e && -1 !== (e = t.indexOf(e._novip)) && t.splice(e, 1);
				}
			});
		})();
		function wn(e, t) {
			var n = e._dbNamesDB;
			return n || (n = e._dbNamesDB = new y(ft, {
				addons: [],
				indexedDB: e,
				IDBKeyRange: t
			})).version(1).stores({ dbnames: "name" }), n.table("dbnames");
		}
		function _n(e) {
			return e && "function" == typeof e.databases;
		}
		function xn(e) {
			return v(function() {
				return P.letThrough = !0, e();
			});
		}
		function kn(e) {
			return !("from" in e);
		}
		var q = function(e, t) {
			var n;
			if (!this) return n = new q(), e && "d" in e && a(n, e), n;
			a(this, arguments.length ? {
				d: 1,
				from: e,
				to: 1 < arguments.length ? t : e
			} : { d: 0 });
		};
		function On(e, t, n) {
			var r = C(t, n);
			if (!isNaN(r)) {
				if (0 < r) throw RangeError();
				if (kn(e)) return a(e, {
					from: t,
					to: n,
					d: 1
				});
				var r = e.l, o = e.r;
				if (C(n, e.from) < 0) return r ? On(r, t, n) : e.l = {
					from: t,
					to: n,
					d: 1,
					l: null,
					r: null
				}, Sn(e);
				if (0 < C(t, e.to)) return o ? On(o, t, n) : e.r = {
					from: t,
					to: n,
					d: 1,
					l: null,
					r: null
				}, Sn(e);
				C(t, e.from) < 0 && (e.from = t, e.l = null, e.d = o ? o.d + 1 : 1), 0 < C(n, e.to) && (e.to = n, e.r = null, e.d = e.l ? e.l.d + 1 : 1);
				t = !e.r;
				r && !e.l && Pn(e, r), o && t && Pn(e, o);
			}
		}
		function Pn(e, t) {
			kn(t) || function e(t, n) {
				var r = n.from, o = n.l, i = n.r;
				On(t, r, n.to), o && e(t, o), i && e(t, i);
			}(e, t);
		}
		function Kn(e, t) {
			var n = En(t), r = n.next();
			if (!r.done) for (var o = r.value, i = En(e), a = i.next(o.from), u = a.value; !r.done && !a.done;) {
				if (C(u.from, o.to) <= 0 && 0 <= C(u.to, o.from)) return !0;
				C(o.from, u.from) < 0 ? o = (r = n.next(u.from)).value : u = (a = i.next(o.from)).value;
			}
			return !1;
		}
		function En(e) {
			var n = kn(e) ? null : {
				s: 0,
				n: e
			};
			return { next: function(e) {
				for (var t = 0 < arguments.length; n;) switch (n.s) {
					case 0: if (n.s = 1, t) for (; n.n.l && C(e, n.n.from) < 0;) n = {
						up: n,
						n: n.n.l,
						s: 1
					};
					else for (; n.n.l;) n = {
						up: n,
						n: n.n.l,
						s: 1
					};
					case 1: if (n.s = 2, !t || C(e, n.n.to) <= 0) return {
						value: n.n,
						done: !1
					};
					case 2: if (n.n.r) {
						n.s = 3, n = {
							up: n,
							n: n.n.r,
							s: 0
						};
						continue;
					}
					case 3: n = n.up;
				}
				return { done: !0 };
			} };
		}
		function Sn(e) {
			var t, n, r, o = ((null == (o = e.r) ? void 0 : o.d) || 0) - ((null == (o = e.l) ? void 0 : o.d) || 0), o = 1 < o ? "r" : o < -1 ? "l" : "";
			o && (t = "r" == o ? "l" : "r", n = _({}, e), r = e[o], e.from = r.from, e.to = r.to, e[o] = r[o], n[o] = r[t], (e[t] = n).d = An(n)), e.d = An(e);
		}
		function An(e) {
			var t = e.r, e = e.l;
			return (t ? e ? Math.max(t.d, e.d) : t.d : e ? e.d : 0) + 1;
		}
		function Cn(t, n) {
			return O(n).forEach(function(e) {
				t[e] ? Pn(t[e], n[e]) : t[e] = function e(t) {
					var n, r, o = {};
					for (n in t) m(t, n) && (r = t[n], o[n] = !r || "object" != typeof r || J.has(r.constructor) ? r : e(r));
					return o;
				}(n[e]);
			}), t;
		}
		function jn(t, n) {
			return t.all || n.all || Object.keys(t).some(function(e) {
				return n[e] && Kn(n[e], t[e]);
			});
		}
		M(q.prototype, ((t = {
			add: function(e) {
				return Pn(this, e), this;
			},
			addKey: function(e) {
				return On(this, e, e), this;
			},
			addKeys: function(e) {
				var t = this;
				return e.forEach(function(e) {
					return On(t, e, e);
				}), this;
			},
			hasKey: function(e) {
				var t = En(this).next(e).value;
				return t && C(t.from, e) <= 0 && 0 <= C(t.to, e);
			}
		})[re] = function() {
			return En(this);
		}, t));
		var Tn = {}, In = {}, qn = !1;
		function Dn(e) {
			Cn(In, e), qn || (qn = !0, setTimeout(function() {
				qn = !1, Bn(In, !(In = {}));
			}, 0));
		}
		function Bn(e, t) {
			void 0 === t && (t = !1);
			var n = /* @__PURE__ */ new Set();
			if (e.all) for (var r = 0, o = Object.values(Tn); r < o.length; r++) Rn(u = o[r], e, n, t);
			else for (var i in e) {
				var a, u, i = /^idb\:\/\/(.*)\/(.*)\//.exec(i);
				i && (a = i[1], i = i[2], u = Tn["idb://".concat(a, "/").concat(i)]) && Rn(u, e, n, t);
			}
			n.forEach(function(e) {
				return e();
			});
		}
		function Rn(e, t, n, r) {
			for (var o = [], i = 0, a = Object.entries(e.queries.query); i < a.length; i++) {
				for (var u = a[i], s = u[0], c = [], l = 0, f = u[1]; l < f.length; l++) {
					var h = f[l];
					jn(t, h.obsSet) ? h.subscribers.forEach(function(e) {
						return n.add(e);
					}) : r && c.push(h);
				}
				r && o.push([s, c]);
			}
			if (r) for (var d = 0, p = o; d < p.length; d++) {
				var y = p[d], s = y[0], c = y[1];
				e.queries.query[s] = c;
			}
		}
		function Fn(h) {
			var d = h._state, r = h._deps.indexedDB;
			if (d.isBeingOpened || h.idbdb) return d.dbReadyPromise.then(function() {
				return d.dbOpenError ? S(d.dbOpenError) : h;
			});
			d.isBeingOpened = !0, d.dbOpenError = null, d.openComplete = !1;
			var t = d.openCanceller, p = Math.round(10 * h.verno), y = !1;
			function e() {
				if (d.openCanceller !== t) throw new k.DatabaseClosed("db.open() was cancelled");
			}
			function v() {
				return new K(function(c, n) {
					if (e(), !r) throw new k.MissingAPI();
					var l = h.name, f = d.autoSchema || !p ? r.open(l) : r.open(l, p);
					if (!f) throw new k.MissingAPI();
					f.onerror = I(n), f.onblocked = E(h._fireOnBlocked), f.onupgradeneeded = E(function(e) {
						var t;
						m = f.transaction, d.autoSchema && !h._options.allowEmptyDB ? (f.onerror = Ut, m.abort(), f.result.close(), (t = r.deleteDatabase(l)).onsuccess = t.onerror = E(function() {
							n(new k.NoSuchDatabase("Database ".concat(l, " doesnt exist")));
						})) : (m.onerror = I(n), t = e.oldVersion > Math.pow(2, 62) ? 0 : e.oldVersion, b = t < 1, h.idbdb = f.result, y && cn(h, m), sn(h, t / 10, m, n));
					}, n), f.onsuccess = E(function() {
						m = null;
						var e, t, n, r, o, i, a = h.idbdb = f.result, u = W(a.objectStoreNames);
						if (0 < u.length) try {
							var s = a.transaction(1 === (o = u).length ? o[0] : o, "readonly");
							if (d.autoSchema) i = a, r = s, (n = h).verno = i.version / 10, r = n._dbSchema = pn(0, i, r), n._storeNames = W(i.objectStoreNames, 0), on(n, [n._allTables], O(r), r);
							else if (yn(h, h._dbSchema, s), t = s, ((t = ln(pn(0, (e = h).idbdb, t), e._dbSchema)).add.length || t.change.some(function(e) {
								return e.add.length || e.change.length;
							})) && !y) return console.warn("Dexie SchemaDiff: Schema was extended without increasing the number passed to db.version(). Dexie will add missing parts and increment native version number to workaround this."), a.close(), p = a.version + 1, y = !0, c(v());
							rn(h, s);
						} catch (e) {}
						gn.add(h), a.onversionchange = E(function(e) {
							d.vcFired = !0, h.on("versionchange").fire(e);
						}), a.onclose = E(function() {
							h.close({ disableAutoOpen: !1 });
						}), b && (u = h._deps, o = l, _n(i = u.indexedDB) || o === ft || wn(i, u.IDBKeyRange).put({ name: o }).catch(g)), c();
					}, n);
				}).catch(function(e) {
					switch (null == e ? void 0 : e.name) {
						case "UnknownError":
							if (0 < d.PR1398_maxLoop) return d.PR1398_maxLoop--, console.warn("Dexie: Workaround for Chrome UnknownError on open()"), v();
							break;
						case "VersionError": if (0 < p) return p = 0, v();
					}
					return K.reject(e);
				});
			}
			var n, o = d.dbReadyResolve, m = null, b = !1;
			return K.race([t, ("undefined" == typeof navigator ? K.resolve() : !navigator.userAgentData && /Safari\//.test(navigator.userAgent) && !/Chrom(e|ium)\//.test(navigator.userAgent) && indexedDB.databases ? new Promise(function(e) {
				function t() {
					return indexedDB.databases().finally(e);
				}
				n = setInterval(t, 100), t();
			}).finally(function() {
				return clearInterval(n);
			}) : Promise.resolve()).then(v)]).then(function() {
				return e(), d.onReadyBeingFired = [], K.resolve(xn(function() {
					return h.on.ready.fire(h.vip);
				})).then(function e() {
					var t;
					if (0 < d.onReadyBeingFired.length) return t = d.onReadyBeingFired.reduce(ke, g), d.onReadyBeingFired = [], K.resolve(xn(function() {
						return t(h.vip);
					})).then(e);
				});
			}).finally(function() {
				d.openCanceller === t && (d.onReadyBeingFired = null, d.isBeingOpened = !1);
			}).catch(function(e) {
				d.dbOpenError = e;
				try {
					m && m.abort();
				} catch (e) {}
				return t === d.openCanceller && h._close(), S(e);
			}).finally(function() {
				d.openComplete = !0, o();
			}).then(function() {
				var n;
				return b && (n = {}, h.tables.forEach(function(t) {
					t.schema.indexes.forEach(function(e) {
						e.name && (n["idb://".concat(h.name, "/").concat(t.name, "/").concat(e.name)] = new q(-1 / 0, [[[]]]));
					}), n["idb://".concat(h.name, "/").concat(t.name, "/")] = n["idb://".concat(h.name, "/").concat(t.name, "/:dels")] = new q(-1 / 0, [[[]]]);
				}), Wt(zt).fire(n), Bn(n, !0)), h;
			});
		}
		function Nn(t) {
			function e(e) {
				return t.next(e);
			}
			var r = n(e), o = n(function(e) {
				return t.throw(e);
			});
			function n(n) {
				return function(e) {
					var e = n(e), t = e.value;
					return e.done ? t : t && "function" == typeof t.then ? t.then(r, o) : x(t) ? Promise.all(t).then(r, o) : r(t);
				};
			}
			return n(e)();
		}
		function Mn(e, t, n) {
			for (var r = x(e) ? e.slice() : [e], o = 0; o < n; ++o) r.push(t);
			return r;
		}
		var Ln = {
			stack: "dbcore",
			name: "VirtualIndexMiddleware",
			level: 1,
			create: function(l) {
				return _(_({}, l), { table: function(e) {
					var i = l.table(e), e = i.schema, u = {}, s = [];
					function c(e, t, n) {
						var r = en(e), o = u[r] = u[r] || [], i = null == e ? 0 : "string" == typeof e ? 1 : e.length, a = 0 < t, r = _(_({}, n), {
							name: a ? "".concat(r, "(virtual-from:").concat(n.name, ")") : n.name,
							lowLevelIndex: n,
							isVirtual: a,
							keyTail: t,
							keyLength: i,
							extractKey: Ht(e),
							unique: !a && n.unique
						});
						return o.push(r), r.isPrimaryKey || s.push(r), 1 < i && c(2 === i ? e[0] : e.slice(0, i - 1), t + 1, n), o.sort(function(e, t) {
							return e.keyTail - t.keyTail;
						}), r;
					}
					var t = c(e.primaryKey.keyPath, 0, e.primaryKey);
					u[":id"] = [t];
					for (var n = 0, r = e.indexes; n < r.length; n++) {
						var o = r[n];
						c(o.keyPath, 0, o);
					}
					function a(e) {
						var t, n = e.query.index;
						return n.isVirtual ? _(_({}, e), { query: {
							index: n.lowLevelIndex,
							range: (t = e.query.range, n = n.keyTail, {
								type: 1 === t.type ? 2 : t.type,
								lower: Mn(t.lower, t.lowerOpen ? l.MAX_KEY : l.MIN_KEY, n),
								lowerOpen: !0,
								upper: Mn(t.upper, t.upperOpen ? l.MIN_KEY : l.MAX_KEY, n),
								upperOpen: !0
							})
						} }) : e;
					}
					return _(_({}, i), {
						schema: _(_({}, e), {
							primaryKey: t,
							indexes: s,
							getIndexByKeyPath: function(e) {
								return (e = u[en(e)]) && e[0];
							}
						}),
						count: function(e) {
							return i.count(a(e));
						},
						query: function(e) {
							return i.query(a(e));
						},
						openCursor: function(t) {
							var e = t.query.index, r = e.keyTail, o = e.keyLength;
							return e.isVirtual ? i.openCursor(a(t)).then(function(e) {
								return e && n(e);
							}) : i.openCursor(t);
							function n(n) {
								return Object.create(n, {
									continue: { value: function(e) {
										null != e ? n.continue(Mn(e, t.reverse ? l.MAX_KEY : l.MIN_KEY, r)) : t.unique ? n.continue(n.key.slice(0, o).concat(t.reverse ? l.MIN_KEY : l.MAX_KEY, r)) : n.continue();
									} },
									continuePrimaryKey: { value: function(e, t) {
										n.continuePrimaryKey(Mn(e, l.MAX_KEY, r), t);
									} },
									primaryKey: { get: function() {
										return n.primaryKey;
									} },
									key: { get: function() {
										var e = n.key;
										return 1 === o ? e[0] : e.slice(0, o);
									} },
									value: { get: function() {
										return n.value;
									} }
								});
							}
						}
					});
				} });
			}
		};
		function Un(o, i, a, u) {
			return a = a || {}, u = u || "", O(o).forEach(function(e) {
				var t, n, r;
				m(i, e) ? (t = o[e], n = i[e], "object" == typeof t && "object" == typeof n && t && n ? (r = ne(t)) !== ne(n) ? a[u + e] = i[e] : "Object" === r ? Un(t, n, a, u + e + ".") : t !== n && (a[u + e] = i[e]) : t !== n && (a[u + e] = i[e])) : a[u + e] = void 0;
			}), O(i).forEach(function(e) {
				m(o, e) || (a[u + e] = i[e]);
			}), a;
		}
		function zn(e, t) {
			return "delete" === t.type ? t.keys : t.keys || t.values.map(e.extractKey);
		}
		var Vn = {
			stack: "dbcore",
			name: "HooksMiddleware",
			level: 2,
			create: function(e) {
				return _(_({}, e), { table: function(r) {
					var y = e.table(r), v = y.schema.primaryKey;
					return _(_({}, y), { mutate: function(e) {
						var t = P.trans, n = t.table(r).hook, h = n.deleting, d = n.creating, p = n.updating;
						switch (e.type) {
							case "add":
								if (d.fire === g) break;
								return t._promise("readwrite", function() {
									return a(e);
								}, !0);
							case "put":
								if (d.fire === g && p.fire === g) break;
								return t._promise("readwrite", function() {
									return a(e);
								}, !0);
							case "delete":
								if (h.fire === g) break;
								return t._promise("readwrite", function() {
									return a(e);
								}, !0);
							case "deleteRange":
								if (h.fire === g) break;
								return t._promise("readwrite", function() {
									return function n(r, o, i) {
										return y.query({
											trans: r,
											values: !1,
											query: {
												index: v,
												range: o
											},
											limit: i
										}).then(function(e) {
											var t = e.result;
											return a({
												type: "delete",
												keys: t,
												trans: r
											}).then(function(e) {
												return 0 < e.numFailures ? Promise.reject(e.failures[0]) : t.length < i ? {
													failures: [],
													numFailures: 0,
													lastResult: void 0
												} : n(r, _(_({}, o), {
													lower: t[t.length - 1],
													lowerOpen: !0
												}), i);
											});
										});
									}(e.trans, e.range, 1e4);
								}, !0);
						}
						return y.mutate(e);
						function a(c) {
							var e, t, n, l = P.trans, f = c.keys || zn(v, c);
							if (f) return "delete" !== (c = "add" === c.type || "put" === c.type ? _(_({}, c), { keys: f }) : _({}, c)).type && (c.values = R([], c.values, !0)), c.keys && (c.keys = R([], c.keys, !0)), e = y, n = f, ("add" === (t = c).type ? Promise.resolve([]) : e.getMany({
								trans: t.trans,
								keys: n,
								cache: "immutable"
							})).then(function(u) {
								var s = f.map(function(e, t) {
									var n, r, o, i = u[t], a = {
										onerror: null,
										onsuccess: null
									};
									return "delete" === c.type ? h.fire.call(a, e, i, l) : "add" === c.type || void 0 === i ? (n = d.fire.call(a, e, c.values[t], l), null == e && null != n && (c.keys[t] = e = n, v.outbound || b(c.values[t], v.keyPath, e))) : (n = Un(i, c.values[t]), (r = p.fire.call(a, n, e, i, l)) && (o = c.values[t], Object.keys(r).forEach(function(e) {
										m(o, e) ? o[e] = r[e] : b(o, e, r[e]);
									}))), a;
								});
								return y.mutate(c).then(function(e) {
									for (var t = e.failures, n = e.results, r = e.numFailures, e = e.lastResult, o = 0; o < f.length; ++o) {
										var i = (n || f)[o], a = s[o];
										null == i ? a.onerror && a.onerror(t[o]) : a.onsuccess && a.onsuccess("put" === c.type && u[o] ? c.values[o] : i);
									}
									return {
										failures: t,
										results: n,
										numFailures: r,
										lastResult: e
									};
								}).catch(function(t) {
									return s.forEach(function(e) {
										return e.onerror && e.onerror(t);
									}), Promise.reject(t);
								});
							});
							throw new Error("Keys missing");
						}
					} });
				} });
			}
		};
		function Wn(e, t, n) {
			try {
				if (!t) return null;
				if (t.keys.length < e.length) return null;
				for (var r = [], o = 0, i = 0; o < t.keys.length && i < e.length; ++o) 0 === C(t.keys[o], e[i]) && (r.push(n ? ee(t.values[o]) : t.values[o]), ++i);
				return r.length === e.length ? r : null;
			} catch (e) {
				return null;
			}
		}
		var Yn = {
			stack: "dbcore",
			level: -1,
			create: function(t) {
				return { table: function(e) {
					var n = t.table(e);
					return _(_({}, n), {
						getMany: function(t) {
							var e;
							return t.cache ? (e = Wn(t.keys, t.trans._cache, "clone" === t.cache)) ? K.resolve(e) : n.getMany(t).then(function(e) {
								return t.trans._cache = {
									keys: t.keys,
									values: "clone" === t.cache ? ee(e) : e
								}, e;
							}) : n.getMany(t);
						},
						mutate: function(e) {
							return "add" !== e.type && (e.trans._cache = null), n.mutate(e);
						}
					});
				} };
			}
		};
		function $n(e, t) {
			return "readonly" === e.trans.mode && !!e.subscr && !e.trans.explicit && "disabled" !== e.trans.db._options.cache && !t.schema.primaryKey.outbound;
		}
		function Qn(e, t) {
			switch (e) {
				case "query": return t.values && !t.unique;
				case "get":
				case "getMany":
				case "count":
				case "openCursor": return !1;
			}
		}
		var Gn = {
			stack: "dbcore",
			level: 0,
			name: "Observability",
			create: function(b) {
				var g = b.schema.name, w = new q(b.MIN_KEY, b.MAX_KEY);
				return _(_({}, b), {
					transaction: function(e, t, n) {
						if (P.subscr && "readonly" !== t) throw new k.ReadOnly("Readwrite transaction in liveQuery context. Querier source: ".concat(P.querier));
						return b.transaction(e, t, n);
					},
					table: function(d) {
						function e(e) {
							var t, e = e.query;
							return [t = e.index, new q(null != (t = (e = e.range).lower) ? t : b.MIN_KEY, null != (t = e.upper) ? t : b.MAX_KEY)];
						}
						var p = b.table(d), y = p.schema, v = y.primaryKey, t = y.indexes, c = v.extractKey, l = v.outbound, m = v.autoIncrement && t.filter(function(e) {
							return e.compound && e.keyPath.includes(v.keyPath);
						}), n = _(_({}, p), { mutate: function(a) {
							function u(e) {
								return e = "idb://".concat(g, "/").concat(d, "/").concat(e), n[e] || (n[e] = new q());
							}
							var e, i, s, t = a.trans, n = a.mutatedParts || (a.mutatedParts = {}), r = u(""), o = u(":dels"), c = a.type, l = "deleteRange" === a.type ? [a.range] : "delete" === a.type ? [a.keys] : a.values.length < 50 ? [zn(v, a).filter(function(e) {
								return e;
							}), a.values] : [], f = l[0], l = l[1], h = a.trans._cache;
							return x(f) ? (r.addKeys(f), (c = "delete" === c || f.length === l.length ? Wn(f, h) : null) || o.addKeys(f), (c || l) && (e = u, i = c, s = l, y.indexes.forEach(function(t) {
								var n = e(t.name || "");
								function r(e) {
									return null != e ? t.extractKey(e) : null;
								}
								function o(e) {
									t.multiEntry && x(e) ? e.forEach(function(e) {
										return n.addKey(e);
									}) : n.addKey(e);
								}
								(i || s).forEach(function(e, t) {
									var n = i && r(i[t]), t = s && r(s[t]);
									0 !== C(n, t) && (null != n && o(n), null != t) && o(t);
								});
							}))) : f ? (l = {
								from: null != (h = f.lower) ? h : b.MIN_KEY,
								to: null != (c = f.upper) ? c : b.MAX_KEY
							}, o.add(l), r.add(l)) : (r.add(w), o.add(w), y.indexes.forEach(function(e) {
								return u(e.name).add(w);
							})), p.mutate(a).then(function(i) {
								return !f || "add" !== a.type && "put" !== a.type || (r.addKeys(i.results), m && m.forEach(function(t) {
									for (var e = a.values.map(function(e) {
										return t.extractKey(e);
									}), n = t.keyPath.findIndex(function(e) {
										return e === v.keyPath;
									}), r = 0, o = i.results.length; r < o; ++r) e[r][n] = i.results[r];
									u(t.name).addKeys(e);
								})), t.mutatedParts = Cn(t.mutatedParts || {}, n), i;
							});
						} }), f = {
							get: function(e) {
								return [v, new q(e.key)];
							},
							getMany: function(e) {
								return [v, new q().addKeys(e.keys)];
							},
							count: e,
							query: e,
							openCursor: e
						};
						return O(f).forEach(function(s) {
							n[s] = function(o) {
								var e = P.subscr, t = !!e, n = $n(P, p) && Qn(s, o) ? o.obsSet = {} : e;
								if (t) {
									var i, e = function(e) {
										e = "idb://".concat(g, "/").concat(d, "/").concat(e);
										return n[e] || (n[e] = new q());
									}, a = e(""), u = e(":dels"), t = f[s](o), r = t[0], t = t[1];
									if (("query" === s && r.isPrimaryKey && !o.values ? u : e(r.name || "")).add(t), !r.isPrimaryKey) {
										if ("count" !== s) return i = "query" === s && l && o.values && p.query(_(_({}, o), { values: !1 })), p[s].apply(this, arguments).then(function(t) {
											if ("query" === s) {
												if (l && o.values) return i.then(function(e) {
													e = e.result;
													return a.addKeys(e), t;
												});
												var e = o.values ? t.result.map(c) : t.result;
												(o.values ? a : u).addKeys(e);
											} else {
												var n, r;
												if ("openCursor" === s) return r = o.values, (n = t) && Object.create(n, {
													key: { get: function() {
														return u.addKey(n.primaryKey), n.key;
													} },
													primaryKey: { get: function() {
														var e = n.primaryKey;
														return u.addKey(e), e;
													} },
													value: { get: function() {
														return r && a.addKey(n.primaryKey), n.value;
													} }
												});
											}
											return t;
										});
										u.add(w);
									}
								}
								return p[s].apply(this, arguments);
							};
						}), n;
					}
				});
			}
		};
		function Xn(e, t, n) {
			var r;
			return 0 === n.numFailures ? t : "deleteRange" === t.type || (r = t.keys ? t.keys.length : "values" in t && t.values ? t.values.length : 1, n.numFailures === r) ? null : (r = _({}, t), x(r.keys) && (r.keys = r.keys.filter(function(e, t) {
				return !(t in n.failures);
			})), "values" in r && x(r.values) && (r.values = r.values.filter(function(e, t) {
				return !(t in n.failures);
			})), r);
		}
		function Hn(e, t) {
			return n = e, (void 0 === (r = t).lower || (r.lowerOpen ? 0 < C(n, r.lower) : 0 <= C(n, r.lower))) && (n = e, void 0 === (r = t).upper || (r.upperOpen ? C(n, r.upper) < 0 : C(n, r.upper) <= 0));
			var n, r;
		}
		function Jn(e, d, t, n, r, o) {
			var i, p, y, v, m, a, u;
			return !t || 0 === t.length || (i = d.query.index, p = i.multiEntry, y = d.query.range, v = n.schema.primaryKey.extractKey, m = i.extractKey, a = (i.lowLevelIndex || i).extractKey, (n = t.reduce(function(e, t) {
				var n = e, r = [];
				if ("add" === t.type || "put" === t.type) for (var o = new q(), i = t.values.length - 1; 0 <= i; --i) {
					var a, u = t.values[i], s = v(u);
					!o.hasKey(s) && (a = m(u), p && x(a) ? a.some(function(e) {
						return Hn(e, y);
					}) : Hn(a, y)) && (o.addKey(s), r.push(u));
				}
				switch (t.type) {
					case "add":
						var c = new q().addKeys(d.values ? e.map(function(e) {
							return v(e);
						}) : e), n = e.concat(d.values ? r.filter(function(e) {
							e = v(e);
							return !c.hasKey(e) && (c.addKey(e), !0);
						}) : r.map(function(e) {
							return v(e);
						}).filter(function(e) {
							return !c.hasKey(e) && (c.addKey(e), !0);
						}));
						break;
					case "put":
						var l = new q().addKeys(t.values.map(function(e) {
							return v(e);
						}));
						n = e.filter(function(e) {
							return !l.hasKey(d.values ? v(e) : e);
						}).concat(d.values ? r : r.map(function(e) {
							return v(e);
						}));
						break;
					case "delete":
						var f = new q().addKeys(t.keys);
						n = e.filter(function(e) {
							return !f.hasKey(d.values ? v(e) : e);
						});
						break;
					case "deleteRange":
						var h = t.range;
						n = e.filter(function(e) {
							return !Hn(v(e), h);
						});
				}
				return n;
			}, e)) === e) ? e : (u = function(e, t) {
				return C(a(e), a(t)) || C(v(e), v(t));
			}, n.sort("prev" === d.direction || "prevunique" === d.direction ? function(e, t) {
				return u(t, e);
			} : u), d.limit && d.limit < 1 / 0 && (n.length > d.limit ? n.length = d.limit : e.length === d.limit && n.length < d.limit && (r.dirty = !0)), o ? Object.freeze(n) : n);
		}
		function Zn(e, t) {
			return 0 === C(e.lower, t.lower) && 0 === C(e.upper, t.upper) && !!e.lowerOpen == !!t.lowerOpen && !!e.upperOpen == !!t.upperOpen;
		}
		function er(e, t) {
			return ((e, t, n, r) => {
				if (void 0 === e) return void 0 !== t ? -1 : 0;
				if (void 0 === t) return 1;
				if (0 === (e = C(e, t))) {
					if (n && r) return 0;
					if (n) return 1;
					if (r) return -1;
				}
				return e;
			})(e.lower, t.lower, e.lowerOpen, t.lowerOpen) <= 0 && 0 <= ((e, t, n, r) => {
				if (void 0 === e) return void 0 !== t ? 1 : 0;
				if (void 0 === t) return -1;
				if (0 === (e = C(e, t))) {
					if (n && r) return 0;
					if (n) return -1;
					if (r) return 1;
				}
				return e;
			})(e.upper, t.upper, e.upperOpen, t.upperOpen);
		}
		function tr(n, r, o, e) {
			n.subscribers.add(o), e.addEventListener("abort", function() {
				var e, t;
				n.subscribers.delete(o), 0 === n.subscribers.size && (e = n, t = r, setTimeout(function() {
					0 === e.subscribers.size && ie(t, e);
				}, 3e3));
			});
		}
		var nr = {
			stack: "dbcore",
			level: 0,
			name: "Cache",
			create: function(k) {
				var O = k.schema.name;
				return _(_({}, k), {
					transaction: function(g, w, e) {
						var _, t, x = k.transaction(g, w, e);
						return "readwrite" === w && (e = (_ = new AbortController()).signal, x.addEventListener("abort", (t = function(b) {
							return function() {
								if (_.abort(), "readwrite" === w) {
									for (var t = /* @__PURE__ */ new Set(), e = 0, n = g; e < n.length; e++) {
										var r = n[e], o = Tn["idb://".concat(O, "/").concat(r)];
										if (o) {
											var i = k.table(r), a = o.optimisticOps.filter(function(e) {
												return e.trans === x;
											});
											if (x._explicit && b && x.mutatedParts) for (var u = 0, s = Object.values(o.queries.query); u < s.length; u++) for (var c = 0, l = (d = s[u]).slice(); c < l.length; c++) jn((p = l[c]).obsSet, x.mutatedParts) && (ie(d, p), p.subscribers.forEach(function(e) {
												return t.add(e);
											}));
											else if (0 < a.length) {
												o.optimisticOps = o.optimisticOps.filter(function(e) {
													return e.trans !== x;
												});
												for (var f = 0, h = Object.values(o.queries.query); f < h.length; f++) for (var d, p, y, v = 0, m = (d = h[f]).slice(); v < m.length; v++) null != (p = m[v]).res && x.mutatedParts && (b && !p.dirty ? (y = Object.isFrozen(p.res), y = Jn(p.res, p.req, a, i, p, y), p.dirty ? (ie(d, p), p.subscribers.forEach(function(e) {
													return t.add(e);
												})) : y !== p.res && (p.res = y, p.promise = K.resolve({ result: y }))) : (p.dirty && ie(d, p), p.subscribers.forEach(function(e) {
													return t.add(e);
												})));
											}
										}
									}
									t.forEach(function(e) {
										return e();
									});
								}
							};
						})(!1), { signal: e }), x.addEventListener("error", t(!1), { signal: e }), x.addEventListener("complete", t(!0), { signal: e })), x;
					},
					table: function(s) {
						var c = k.table(s), o = c.schema.primaryKey;
						return _(_({}, c), {
							mutate: function(t) {
								var n, e = P.trans;
								return !o.outbound && "disabled" !== e.db._options.cache && !e.explicit && "readwrite" === e.idbtrans.mode && (n = Tn["idb://".concat(O, "/").concat(s)]) ? (e = c.mutate(t), "add" !== t.type && "put" !== t.type || !(50 <= t.values.length || zn(o, t).some(function(e) {
									return null == e;
								})) ? (n.optimisticOps.push(t), t.mutatedParts && Dn(t.mutatedParts), e.then(function(e) {
									0 < e.numFailures && (ie(n.optimisticOps, t), (e = Xn(0, t, e)) && n.optimisticOps.push(e), t.mutatedParts) && Dn(t.mutatedParts);
								}), e.catch(function() {
									ie(n.optimisticOps, t), t.mutatedParts && Dn(t.mutatedParts);
								})) : e.then(function(r) {
									var e = Xn(0, _(_({}, t), { values: t.values.map(function(e, t) {
										var n;
										return r.failures[t] ? e : (b(n = null != (n = o.keyPath) && n.includes(".") ? ee(e) : _({}, e), o.keyPath, r.results[t]), n);
									}) }), r);
									n.optimisticOps.push(e), queueMicrotask(function() {
										return t.mutatedParts && Dn(t.mutatedParts);
									});
								}), e) : c.mutate(t);
							},
							query: function(t) {
								var o, e, n, r, i, a, u;
								return $n(P, c) && Qn("query", t) ? (o = "immutable" === (null == (n = P.trans) ? void 0 : n.db._options.cache), e = (n = P).requery, n = n.signal, a = ((e, t, n, r) => {
									var o = Tn["idb://".concat(e, "/").concat(t)];
									if (!o) return [];
									if (!(e = o.queries[n])) return [
										null,
										!1,
										o,
										null
									];
									var i = e[(r.query ? r.query.index.name : null) || ""];
									if (!i) return [
										null,
										!1,
										o,
										null
									];
									switch (n) {
										case "query":
											var a = null != (u = r.direction) ? u : "next", u = i.find(function(e) {
												var t;
												return e.req.limit === r.limit && e.req.values === r.values && (null != (t = e.req.direction) ? t : "next") === a && Zn(e.req.query.range, r.query.range);
											});
											return u ? [
												u,
												!0,
												o,
												i
											] : [
												i.find(function(e) {
													var t;
													return ("limit" in e.req ? e.req.limit : 1 / 0) >= r.limit && (null != (t = e.req.direction) ? t : "next") === a && (!r.values || e.req.values) && er(e.req.query.range, r.query.range);
												}),
												!1,
												o,
												i
											];
										case "count":
											u = i.find(function(e) {
												return Zn(e.req.query.range, r.query.range);
											});
											return [
												u,
												!!u,
												o,
												i
											];
									}
								})(O, s, "query", t), u = a[0], r = a[2], i = a[3], u && a[1] ? u.obsSet = t.obsSet : (a = c.query(t).then(function(e) {
									var t = e.result;
									if (u && (u.res = t), o) {
										for (var n = 0, r = t.length; n < r; ++n) Object.freeze(t[n]);
										Object.freeze(t);
									} else e.result = ee(t);
									return e;
								}).catch(function(e) {
									return i && u && ie(i, u), Promise.reject(e);
								}), u = {
									obsSet: t.obsSet,
									promise: a,
									subscribers: /* @__PURE__ */ new Set(),
									type: "query",
									req: t,
									dirty: !1
								}, i ? i.push(u) : (i = [u], (r = r || (Tn["idb://".concat(O, "/").concat(s)] = {
									queries: {
										query: {},
										count: {}
									},
									objs: /* @__PURE__ */ new Map(),
									optimisticOps: [],
									unsignaledParts: {}
								})).queries.query[t.query.index.name || ""] = i)), tr(u, i, e, n), u.promise.then(function(e) {
									return { result: Jn(e.result, t, null == r ? void 0 : r.optimisticOps, c, u, o) };
								})) : c.query(t);
							}
						});
					}
				});
			}
		};
		function rr(e, r) {
			return new Proxy(e, { get: function(e, t, n) {
				return "db" === t ? r : Reflect.get(e, t, n);
			} });
		}
		D.prototype.version = function(t) {
			if (isNaN(t) || t < .1) throw new k.Type("Given version is not a positive number");
			if (t = Math.round(10 * t) / 10, this.idbdb || this._state.isBeingOpened) throw new k.Schema("Cannot add version when database is open");
			this.verno = Math.max(this.verno, t);
			var e = this._versions, n = e.filter(function(e) {
				return e._cfg.version === t;
			})[0];
			return n || (n = new this.Version(t), e.push(n), e.sort(un), n.stores({}), this._state.autoSchema = !1), n;
		}, D.prototype._whenReady = function(e) {
			var n = this;
			return this.idbdb && (this._state.openComplete || P.letThrough || this._vip) ? e() : new K(function(e, t) {
				if (n._state.openComplete) return t(new k.DatabaseClosed(n._state.dbOpenError));
				if (!n._state.isBeingOpened) {
					if (!n._state.autoOpen) return void t(new k.DatabaseClosed());
					n.open().catch(g);
				}
				n._state.dbReadyPromise.then(e, t);
			}).then(e);
		}, D.prototype.use = function(e) {
			var t = e.stack, n = e.create, r = e.level, e = e.name, o = (e && this.unuse({
				stack: t,
				name: e
			}), this._middlewares[t] || (this._middlewares[t] = []));
			return o.push({
				stack: t,
				create: n,
				level: null == r ? 10 : r,
				name: e
			}), o.sort(function(e, t) {
				return e.level - t.level;
			}), this;
		}, D.prototype.unuse = function(e) {
			var t = e.stack, n = e.name, r = e.create;
			return t && this._middlewares[t] && (this._middlewares[t] = this._middlewares[t].filter(function(e) {
				return r ? e.create !== r : !!n && e.name !== n;
			})), this;
		}, D.prototype.open = function() {
			var e = this;
			return at(s, function() {
				return Fn(e);
			});
		}, D.prototype._close = function() {
			this.on.close.fire(new CustomEvent("close"));
			var n = this._state;
			if (gn.remove(this), this.idbdb) {
				try {
					this.idbdb.close();
				} catch (e) {}
				this.idbdb = null;
			}
			n.isBeingOpened || (n.dbReadyPromise = new K(function(e) {
				n.dbReadyResolve = e;
			}), n.openCanceller = new K(function(e, t) {
				n.cancelOpen = t;
			}));
		}, D.prototype.close = function(e) {
			var e = (void 0 === e ? { disableAutoOpen: !0 } : e).disableAutoOpen, t = this._state;
			e ? (t.isBeingOpened && t.cancelOpen(new k.DatabaseClosed()), this._close(), t.autoOpen = !1, t.dbOpenError = new k.DatabaseClosed()) : (this._close(), t.autoOpen = this._options.autoOpen || t.isBeingOpened, t.openComplete = !1, t.dbOpenError = null);
		}, D.prototype.delete = function(n) {
			var o = this, i = (void 0 === n && (n = { disableAutoOpen: !0 }), 0 < arguments.length && "object" != typeof arguments[0]), a = this._state;
			return new K(function(r, t) {
				function e() {
					o.close(n);
					var e = o._deps.indexedDB.deleteDatabase(o.name);
					e.onsuccess = E(function() {
						var e = o._deps, t = o.name, n;
						_n(n = e.indexedDB) || t === ft || wn(n, e.IDBKeyRange).delete(t).catch(g), r();
					}), e.onerror = I(t), e.onblocked = o._fireOnBlocked;
				}
				if (i) throw new k.InvalidArgument("Invalid closeOptions argument to db.delete()");
				a.isBeingOpened ? a.dbReadyPromise.then(e) : e();
			});
		}, D.prototype.backendDB = function() {
			return this.idbdb;
		}, D.prototype.isOpen = function() {
			return null !== this.idbdb;
		}, D.prototype.hasBeenClosed = function() {
			var e = this._state.dbOpenError;
			return e && "DatabaseClosed" === e.name;
		}, D.prototype.hasFailed = function() {
			return null !== this._state.dbOpenError;
		}, D.prototype.dynamicallyOpened = function() {
			return this._state.autoSchema;
		}, Object.defineProperty(D.prototype, "tables", {
			get: function() {
				var t = this;
				return O(this._allTables).map(function(e) {
					return t._allTables[e];
				});
			},
			enumerable: !1,
			configurable: !0
		}), D.prototype.transaction = function() {
			var e = function(e, t, n) {
				var r = arguments.length;
				if (r < 2) throw new k.InvalidArgument("Too few arguments");
				for (var o = new Array(r - 1); --r;) o[r - 1] = arguments[r];
				return n = o.pop(), [
					e,
					H(o),
					n
				];
			}.apply(this, arguments);
			return this._transaction.apply(this, e);
		}, D.prototype._transaction = function(e, t, n) {
			var r, o, i = this, a = P.trans, u = (a && a.db === this && -1 === e.indexOf("!") || (a = null), -1 !== e.indexOf("?"));
			e = e.replace("!", "").replace("?", "");
			try {
				if (o = t.map(function(e) {
					e = e instanceof i.Table ? e.name : e;
					if ("string" != typeof e) throw new TypeError("Invalid table argument to Dexie.transaction(). Only Table or String are allowed");
					return e;
				}), "r" == e || e === ht) r = ht;
				else {
					if ("rw" != e && e != dt) throw new k.InvalidArgument("Invalid transaction mode: " + e);
					r = dt;
				}
				if (a) {
					if (a.mode === ht && r === dt) {
						if (!u) throw new k.SubTransaction("Cannot enter a sub-transaction with READWRITE mode when parent transaction is READONLY");
						a = null;
					}
					a && o.forEach(function(e) {
						if (a && -1 === a.storeNames.indexOf(e)) {
							if (!u) throw new k.SubTransaction("Table " + e + " not included in parent transaction.");
							a = null;
						}
					}), u && a && !a.active && (a = null);
				}
			} catch (n) {
				return a ? a._promise(null, function(e, t) {
					t(n);
				}) : S(n);
			}
			var s = function o(i, a, u, s, c) {
				return K.resolve().then(function() {
					var e = P.transless || P, t = i._createTransaction(a, u, i._dbSchema, s), e = (t.explicit = !0, {
						trans: t,
						transless: e
					});
					if (s) t.idbtrans = s.idbtrans;
					else try {
						t.create(), t.idbtrans._explicit = !0, i._state.PR1398_maxLoop = 3;
					} catch (e) {
						return e.name === de.InvalidState && i.isOpen() && 0 < --i._state.PR1398_maxLoop ? (console.warn("Dexie: Need to reopen db"), i.close({ disableAutoOpen: !1 }), i.open().then(function() {
							return o(i, a, u, null, c);
						})) : S(e);
					}
					var n, r = ue(c), e = (r && nt(), K.follow(function() {
						var e;
						(n = c.call(t, t)) && (r ? (e = w.bind(null, null), n.then(e, e)) : "function" == typeof n.next && "function" == typeof n.throw && (n = Nn(n)));
					}, e));
					return (n && "function" == typeof n.then ? K.resolve(n).then(function(e) {
						return t.active ? e : S(new k.PrematureCommit("Transaction committed too early. See http://bit.ly/2kdckMn"));
					}) : e.then(function() {
						return n;
					})).then(function(e) {
						return s && t._resolve(), t._completion.then(function() {
							return e;
						});
					}).catch(function(e) {
						return t._reject(e), S(e);
					});
				});
			}.bind(null, this, r, o, a, n);
			return a ? a._promise(r, s, "lock") : P.trans ? at(P.transless, function() {
				return i._whenReady(s);
			}) : this._whenReady(s);
		}, D.prototype.table = function(e) {
			if (m(this._allTables, e)) return this._allTables[e];
			throw new k.InvalidTable("Table ".concat(e, " does not exist"));
		};
		var y = D;
		function D(e, t) {
			var i, r, a, n, o, u = this, s = (this._middlewares = {}, this.verno = 0, D.dependencies), s = (this._options = t = _({
				addons: D.addons,
				autoOpen: !0,
				indexedDB: s.indexedDB,
				IDBKeyRange: s.IDBKeyRange,
				cache: "cloned",
				maxConnections: 1e3
			}, t), this._deps = {
				indexedDB: t.indexedDB,
				IDBKeyRange: t.IDBKeyRange
			}, t.addons), c = (this._dbSchema = {}, this._versions = [], this._storeNames = [], this._allTables = {}, this.idbdb = null, this._novip = this, {
				dbOpenError: null,
				isBeingOpened: !1,
				onReadyBeingFired: null,
				openComplete: !1,
				dbReadyResolve: g,
				dbReadyPromise: null,
				cancelOpen: g,
				openCanceller: null,
				autoSchema: !0,
				PR1398_maxLoop: 3,
				autoOpen: t.autoOpen
			}), l = (c.dbReadyPromise = new K(function(e) {
				c.dbReadyResolve = e;
			}), c.openCanceller = new K(function(e, t) {
				c.cancelOpen = t;
			}), this._state = c, this.name = e, this.on = Pt(this, "populate", "blocked", "versionchange", "close", { ready: [ke, g] }), this.once = function(n, r) {
				var o = function() {
					for (var e = [], t = 0; t < arguments.length; t++) e[t] = arguments[t];
					u.on(n).unsubscribe(o), r.apply(u, e);
				};
				return u.on(n, o);
			}, this.on.ready.subscribe = Y(this.on.ready.subscribe, function(o) {
				return function(n, r) {
					D.vip(function() {
						var t, e = u._state;
						e.openComplete ? (e.dbOpenError || K.resolve().then(n), r && o(n)) : e.onReadyBeingFired ? (e.onReadyBeingFired.push(n), r && o(n)) : (o(n), t = u, r || o(function e() {
							t.on.ready.unsubscribe(n), t.on.ready.unsubscribe(e);
						}));
					});
				};
			}), this.Collection = (i = this, Kt(qt.prototype, function(e, t) {
				this.db = i;
				var n = yt, r = null;
				if (t) try {
					n = t();
				} catch (e) {
					r = e;
				}
				var t = e._ctx, e = t.table, o = e.hook.reading.fire;
				this._ctx = {
					table: e,
					index: t.index,
					isPrimKey: !t.index || e.schema.primKey.keyPath && t.index === e.schema.primKey.name,
					range: n,
					keysOnly: !1,
					dir: "next",
					unique: "",
					algorithm: null,
					filter: null,
					replayFilter: null,
					justLimit: !0,
					isMatch: null,
					offset: 0,
					limit: 1 / 0,
					error: r,
					or: t.or,
					valueMapper: o !== ve ? o : null
				};
			})), this.Table = (r = this, Kt(Ot.prototype, function(e, t, n) {
				this.db = r, this._tx = n, this.name = e, this.schema = t, this.hook = r._allTables[e] ? r._allTables[e].hook : Pt(null, {
					creating: [ge, g],
					reading: [me, ve],
					updating: [_e, g],
					deleting: [we, g]
				});
			})), this.Transaction = (a = this, Kt(Yt.prototype, function(e, t, n, r, o) {
				var i = this;
				"readonly" !== e && t.forEach(function(e) {
					e = null == (e = n[e]) ? void 0 : e.yProps;
					e && (t = t.concat(e.map(function(e) {
						return e.updatesTable;
					})));
				}), this.db = a, this.mode = e, this.storeNames = t, this.schema = n, this.chromeTransactionDurability = r, this.idbtrans = null, this.on = Pt(this, "complete", "error", "abort"), this.parent = o || null, this.active = !0, this._reculock = 0, this._blockedFuncs = [], this._resolve = null, this._reject = null, this._waitingFor = null, this._waitingQueue = null, this._spinCount = 0, this._completion = new K(function(e, t) {
					i._resolve = e, i._reject = t;
				}), this._completion.then(function() {
					i.active = !1, i.on.complete.fire();
				}, function(e) {
					var t = i.active;
					return i.active = !1, i.on.error.fire(e), i.parent ? i.parent._reject(e) : t && i.idbtrans && i.idbtrans.abort(), S(e);
				});
			})), this.Version = (n = this, Kt(mn.prototype, function(e) {
				this.db = n, this._cfg = {
					version: e,
					storesSource: null,
					dbschema: {},
					tables: {},
					contentUpgrade: null
				};
			})), this.WhereClause = (o = this, Kt(Lt.prototype, function(e, t, n) {
				if (this.db = o, this._ctx = {
					table: e,
					index: ":id" === t ? null : t,
					or: n
				}, this._cmp = this._ascending = C, this._descending = function(e, t) {
					return C(t, e);
				}, this._max = function(e, t) {
					return 0 < C(e, t) ? e : t;
				}, this._min = function(e, t) {
					return C(e, t) < 0 ? e : t;
				}, this._IDBKeyRange = o._deps.IDBKeyRange, !this._IDBKeyRange) throw new k.MissingAPI();
			})), this.on("versionchange", function(e) {
				0 < e.newVersion ? console.warn("Another connection wants to upgrade database '".concat(u.name, "'. Closing db now to resume the upgrade.")) : console.warn("Another connection wants to delete database '".concat(u.name, "'. Closing db now to resume the delete request.")), u.close({ disableAutoOpen: !1 });
			}), this.on("blocked", function(e) {
				!e.newVersion || e.newVersion < e.oldVersion ? console.warn("Dexie.delete('".concat(u.name, "') was blocked")) : console.warn("Upgrade '".concat(u.name, "' blocked by other connection holding version ").concat(e.oldVersion / 10));
			}), this._maxKey = Xt(t.IDBKeyRange), this._createTransaction = function(e, t, n, r) {
				return new u.Transaction(e, t, n, u._options.chromeTransactionDurability, r);
			}, this._fireOnBlocked = function(t) {
				u.on("blocked").fire(t), gn.toArray().filter(function(e) {
					return e.name === u.name && e !== u && !e._state.vcFired;
				}).map(function(e) {
					return e.on("versionchange").fire(t);
				});
			}, this.use(Yn), this.use(nr), this.use(Gn), this.use(Ln), this.use(Vn), new Proxy(this, { get: function(e, t, n) {
				var r;
				return "_vip" === t || ("table" === t ? function(e) {
					return rr(u.table(e), l);
				} : (r = Reflect.get(e, t, n)) instanceof Ot ? rr(r, l) : "tables" === t ? r.map(function(e) {
					return rr(e, l);
				}) : "_createTransaction" === t ? function() {
					return rr(r.apply(this, arguments), l);
				} : r);
			} }));
			this.vip = l, s.forEach(function(e) {
				return e(u);
			});
		}
		var or, Se = "undefined" != typeof Symbol && "observable" in Symbol ? Symbol.observable : "@@observable", ir = (ar.prototype.subscribe = function(e, t, n) {
			return this._subscribe(e && "function" != typeof e ? e : {
				next: e,
				error: t,
				complete: n
			});
		}, ar.prototype[Se] = function() {
			return this;
		}, ar);
		function ar(e) {
			this._subscribe = e;
		}
		try {
			or = {
				indexedDB: f.indexedDB || f.mozIndexedDB || f.webkitIndexedDB || f.msIndexedDB,
				IDBKeyRange: f.IDBKeyRange || f.webkitIDBKeyRange
			};
		} catch (e) {
			or = {
				indexedDB: null,
				IDBKeyRange: null
			};
		}
		function ur(d) {
			var p, y = !1, e = new ir(function(r) {
				var o = ue(d);
				var i, a = !1, u = {}, s = {}, e = {
					get closed() {
						return a;
					},
					unsubscribe: function() {
						a || (a = !0, i && i.abort(), c && Wt.storagemutated.unsubscribe(h));
					}
				}, c = (r.start && r.start(e), !1), l = function() {
					return st(t);
				};
				function f() {
					return jn(s, u);
				}
				var h = function(e) {
					Cn(u, e), f() && l();
				}, t = function() {
					var t, n, e;
					!a && or.indexedDB && (u = {}, t = {}, i && i.abort(), i = new AbortController(), e = ((e) => {
						var t = $e();
						try {
							o && nt();
							var n = v(d, e);
							return n = o ? n.finally(w) : n;
						} finally {
							t && Qe();
						}
					})(n = {
						subscr: t,
						signal: i.signal,
						requery: l,
						querier: d,
						trans: null
					}), c || (Wt(zt, h), c = !0), Promise.resolve(e).then(function(e) {
						y = !0, p = e, a || n.signal.aborted || (f() || (s = t, f()) ? l() : (u = {}, st(function() {
							return !a && r.next && r.next(e);
						})));
					}, function(e) {
						y = !1, ["DatabaseClosedError", "AbortError"].includes(null == e ? void 0 : e.name) || a || st(function() {
							a || r.error && r.error(e);
						});
					}));
				};
				return setTimeout(l, 0), e;
			});
			return e.hasValue = function() {
				return y;
			}, e.getValue = function() {
				return p;
			}, e;
		}
		var sr = y;
		function cr(e) {
			var t = fr;
			try {
				fr = !0, Wt.storagemutated.fire(e), Bn(e, !0);
			} finally {
				fr = t;
			}
		}
		M(sr, _(_({}, e), {
			delete: function(e) {
				return new sr(e, { addons: [] }).delete();
			},
			exists: function(e) {
				return new sr(e, { addons: [] }).open().then(function(e) {
					return e.close(), !0;
				}).catch("NoSuchDatabaseError", function() {
					return !1;
				});
			},
			getDatabaseNames: function(e) {
				try {
					return t = sr.dependencies, n = t.indexedDB, t = t.IDBKeyRange, (_n(n) ? Promise.resolve(n.databases()).then(function(e) {
						return e.map(function(e) {
							return e.name;
						}).filter(function(e) {
							return e !== ft;
						});
					}) : wn(n, t).toCollection().primaryKeys()).then(e);
				} catch (e) {
					return S(new k.MissingAPI());
				}
				var t, n;
			},
			defineClass: function() {
				return function(e) {
					a(this, e);
				};
			},
			ignoreTransaction: function(e) {
				return P.trans ? at(P.transless || s, e) : e();
			},
			vip: xn,
			async: function(t) {
				return function() {
					try {
						var e = Nn(t.apply(this, arguments));
						return e && "function" == typeof e.then ? e : K.resolve(e);
					} catch (e) {
						return S(e);
					}
				};
			},
			spawn: function(e, t, n) {
				try {
					var r = Nn(e.apply(n, t || []));
					return r && "function" == typeof r.then ? r : K.resolve(r);
				} catch (e) {
					return S(e);
				}
			},
			currentTransaction: { get: function() {
				return P.trans || null;
			} },
			waitFor: function(e, t) {
				e = K.resolve("function" == typeof e ? sr.ignoreTransaction(e) : e).timeout(t || 6e4);
				return P.trans ? P.trans.waitFor(e) : e;
			},
			Promise: K,
			debug: {
				get: function() {
					return l;
				},
				set: function(e) {
					Oe(e);
				}
			},
			derive: U,
			extend: a,
			props: M,
			override: Y,
			Events: Pt,
			on: Wt,
			liveQuery: ur,
			extendObservabilitySet: Cn,
			getByKeyPath: c,
			setByKeyPath: b,
			delByKeyPath: function(t, e) {
				"string" == typeof e ? b(t, e, void 0) : "length" in e && [].map.call(e, function(e) {
					b(t, e, void 0);
				});
			},
			shallowClone: G,
			deepClone: ee,
			getObjectDiff: Un,
			cmp: C,
			asap: Q,
			minKey: -1 / 0,
			addons: [],
			connections: { get: gn.toArray },
			errnames: de,
			dependencies: or,
			cache: Tn,
			semVer: "4.4.2",
			version: "4.4.2".split(".").map(function(e) {
				return parseInt(e);
			}).reduce(function(e, t, n) {
				return e + t / Math.pow(10, 2 * n);
			})
		})), sr.maxKey = Xt(sr.dependencies.IDBKeyRange), "undefined" != typeof dispatchEvent && "undefined" != typeof addEventListener && (Wt(zt, function(e) {
			fr || (e = new CustomEvent(Vt, { detail: e }), fr = !0, dispatchEvent(e), fr = !1);
		}), addEventListener(Vt, function(e) {
			e = e.detail;
			fr || cr(e);
		}));
		var lr, fr = !1, hr = function() {};
		return "undefined" != typeof BroadcastChannel && ((hr = function() {
			(lr = new BroadcastChannel(Vt)).onmessage = function(e) {
				return e.data && cr(e.data);
			};
		})(), "function" == typeof lr.unref && lr.unref(), Wt(zt, function(e) {
			fr || lr.postMessage(e);
		})), "undefined" != typeof addEventListener && (addEventListener("pagehide", function(e) {
			if (!y.disableBfCache && e.persisted) {
				l && console.debug("Dexie: handling persisted pagehide"), lr?.close();
				for (var t = 0, n = gn.toArray(); t < n.length; t++) n[t].close({ disableAutoOpen: !1 });
			}
		}), addEventListener("pageshow", function(e) {
			!y.disableBfCache && e.persisted && (l && console.debug("Dexie: handling persisted pageshow"), hr(), cr({ all: new q(-1 / 0, [[]]) }));
		})), K.rejectionMapper = function(e, t) {
			return !e || e instanceof ce || e instanceof TypeError || e instanceof SyntaxError || !e.name || !ye[e.name] ? e : (t = new ye[e.name](t || e.message, e), "stack" in e && u(t, "stack", { get: function() {
				return this.inner.stack;
			} }), t);
		}, Oe(l), _(y, Object.freeze({
			__proto__: null,
			DEFAULT_MAX_CONNECTIONS: 1e3,
			Dexie: y,
			Entity: mt,
			PropModification: _t,
			RangeSet: q,
			add: function(e) {
				return new _t({ add: e });
			},
			cmp: C,
			default: y,
			liveQuery: ur,
			mergeRanges: Pn,
			rangesOverlap: Kn,
			remove: function(e) {
				return new _t({ remove: e });
			},
			replacePrefix: function(e, t) {
				return new _t({ replacePrefix: [e, t] });
			}
		}), { default: y }), y;
	});
})))(), 1);
var DexieSymbol = Symbol.for("Dexie");
var Dexie = globalThis[DexieSymbol] || (globalThis[DexieSymbol] = import_dexie_min.default);
if (import_dexie_min.default.semVer !== Dexie.semVer) throw new Error(`Two different versions of Dexie loaded in the same app: ${import_dexie_min.default.semVer} and ${Dexie.semVer}`);
var { liveQuery, mergeRanges, rangesOverlap, RangeSet, cmp, Entity, PropModification, replacePrefix, add: add$1, remove, DexieYProvider } = Dexie;
// node_modules/rxdb/dist/esm/plugins/utils/utils-array.js
function lastOfArray(ar) {
	return ar[ar.length - 1];
}
function toArray(input) {
	return Array.isArray(input) ? input.slice(0) : [input];
}
/**
* Split array with items into smaller arrays with items
* @link https://stackoverflow.com/a/7273794/3443137
*/
function batchArray(array, batchSize) {
	array = array.slice(0);
	var ret = [];
	while (array.length) {
		var batch = array.splice(0, batchSize);
		ret.push(batch);
	}
	return ret;
}
/**
* returns true if the supplied argument is either an Array<T> or a Readonly<Array<T>>
*/
function isMaybeReadonlyArray(x) {
	return Array.isArray(x);
}
/**
* Use this in array.filter() to remove all empty slots
* and have the correct typings afterwards.
* @link https://stackoverflow.com/a/46700791/3443137
*/
function arrayFilterNotEmpty(value) {
	if (value === null || value === void 0) return false;
	return true;
}
function countUntilNotMatching(ar, matchingFn) {
	var count = 0;
	var idx = -1;
	for (var item of ar) {
		idx = idx + 1;
		if (matchingFn(item, idx)) count = count + 1;
		else break;
	}
	return count;
}
/**
* @link https://gist.github.com/telekosmos/3b62a31a5c43f40849bb
*/
function uniqueArray(arrArg) {
	return arrArg.filter(function(elem, pos, arr) {
		return arr.indexOf(elem) === pos;
	});
}
// node_modules/rxdb/dist/esm/overwritable.js
/**
* functions that can or should be overwritten by plugins
* IMPORTANT: Do not import any big stuff from RxDB here!
* An 'overwritable' can be used inside WebWorkers for RxStorage only,
* and we do not want to have the full RxDB lib bundled in them.
*/
var overwritable = {
	/**
	* if this method is overwritten with one
	* that returns true, we do additional checks
	* which help the developer but have bad performance
	*/
	isDevMode() {
		return false;
	},
	/**
	* Deep freezes and object when in dev-mode.
	* Deep-Freezing has the same performance as deep-cloning, so we only do that in dev-mode.
	* Also, we can ensure the readonly state via typescript
	* @link https://developer.mozilla.org/de/docs/Web/JavaScript/Reference/Global_Objects/Object/freeze
	*/
	deepFreezeWhenDevMode(obj) {
		return obj;
	},
	/**
	* overwritten to map error-codes to text-messages
	*/
	tunnelErrorMessage(message) {
		return "\n        RxDB Error-Code: " + message + ".\n        Hint: Error messages are not included in RxDB core to reduce build size.\n        To show the full error messages and to ensure that you do not make any mistakes when using RxDB,\n        use the dev-mode plugin when you are in development mode: https://rxdb.info/dev-mode.html?console=error\n        ";
	}
};
// node_modules/rxdb/dist/esm/rx-error.js
/**
* here we use custom errors with the additional field 'parameters'
*/
/**
* transform an object of parameters to a presentable string
*/
function parametersToString(parameters) {
	var ret = "";
	if (Object.keys(parameters).length === 0) return ret;
	ret += "-".repeat(20) + "\n";
	ret += "Parameters:\n";
	ret += Object.keys(parameters).map((k) => {
		var paramStr = "[object Object]";
		try {
			if (k === "errors") paramStr = parameters[k].map((err) => JSON.stringify(err, Object.getOwnPropertyNames(err)));
			else paramStr = JSON.stringify(parameters[k], function(_k, v) {
				return v === void 0 ? null : v;
			}, 2);
		} catch (e) {}
		return k + ": " + paramStr;
	}).join("\n");
	ret += "\n";
	return ret;
}
function messageForError(message, code, parameters) {
	return "\n" + message + "\n" + parametersToString(parameters);
}
var RxError = class extends Error {
	code;
	message;
	url;
	parameters;
	rxdb;
	constructor(code, message, parameters = {}) {
		var mes = messageForError(message, code, parameters);
		super(mes);
		this.code = code;
		this.message = mes;
		this.url = getErrorUrl(code);
		this.parameters = parameters;
		this.rxdb = true;
	}
	get name() {
		return "RxError (" + this.code + ")";
	}
	toString() {
		return this.message;
	}
	get typeError() {
		return false;
	}
};
var RxTypeError = class extends TypeError {
	code;
	message;
	url;
	parameters;
	rxdb;
	constructor(code, message, parameters = {}) {
		var mes = messageForError(message, code, parameters);
		super(mes);
		this.code = code;
		this.message = mes;
		this.url = getErrorUrl(code);
		this.parameters = parameters;
		this.rxdb = true;
	}
	get name() {
		return "RxTypeError (" + this.code + ")";
	}
	toString() {
		return this.message;
	}
	get typeError() {
		return true;
	}
};
function getErrorUrl(code) {
	return "https://rxdb.info/errors.html?console=errors#" + code;
}
function errorUrlHint(code) {
	return "\nFind out more about this error here: " + getErrorUrl(code) + " \nStill stuck? Ask in the RxDB Discord: https://rxdb.info/chat \n";
}
function newRxError(code, parameters) {
	return new RxError(code, overwritable.tunnelErrorMessage(code) + errorUrlHint(code), parameters);
}
function newRxTypeError(code, parameters) {
	return new RxTypeError(code, overwritable.tunnelErrorMessage(code) + errorUrlHint(code), parameters);
}
/**
* Returns the error if it is a 409 conflict,
* return false if it is another error.
*/
function isBulkWriteConflictError(err) {
	if (err && err.status === 409) return err;
	else return false;
}
var STORAGE_WRITE_ERROR_CODE_TO_MESSAGE = {
	409: "document write conflict",
	422: "schema validation error",
	510: "attachment data missing"
};
function rxStorageWriteErrorToRxError(err) {
	return newRxError("COL20", {
		name: STORAGE_WRITE_ERROR_CODE_TO_MESSAGE[err.status],
		document: err.documentId,
		writeError: err
	});
}
// node_modules/rxdb/dist/esm/plugins/utils/utils-revision.js
/**
* @hotPath Performance is very important here
* because we need to parse the revision height very often.
* Uses indexOf + charCodeAt for maximum performance.
* Single-digit heights (most common) use a fast path
* that avoids parseInt entirely.
*/
function getHeightOfRevision(revision) {
	var dashIndex = revision.indexOf("-");
	if (dashIndex === -1) throw newRxError("SNH", { args: { revision } });
	if (dashIndex === 1) return revision.charCodeAt(0) - 48;
	var num = 0;
	for (var i = 0; i < dashIndex; i++) num = num * 10 + (revision.charCodeAt(i) - 48);
	return num;
}
/**
* Creates the next write revision for a given document.
*/
function createRevision(databaseInstanceToken, previousDocData) {
	return (!previousDocData ? 1 : getHeightOfRevision(previousDocData._rev) + 1) + "-" + databaseInstanceToken;
}
// node_modules/rxdb/dist/esm/plugins/utils/utils-object.js
/**
* To get specific nested path values from objects,
* RxDB normally uses the 'dot-prop' npm module.
* But when performance is really relevant, this is not fast enough.
* Instead we use a monad that can prepare some stuff up front
* and we can reuse the generated function.
*/
/**
* Cache for objectPathMonad to avoid re-creating closures
* and re-splitting strings for the same paths.
*/
var objectPathMonadCache = /* @__PURE__ */ new Map();
function objectPathMonad(objectPath) {
	var fn = objectPathMonadCache.get(objectPath);
	if (fn) return fn;
	var split = objectPath.split(".");
	var splitLength = split.length;
	/**
	* Performance shortcut,
	* if no nested path is used,
	* directly return the field of the object.
	*/
	if (splitLength === 1) fn = (obj) => obj[objectPath];
	else if (splitLength === 2) {
		/**
		* Fast path for 2-segment paths (e.g. 'nested.field').
		* Avoids the loop overhead for the most common nested case.
		*/
		var key0 = split[0];
		var key1 = split[1];
		fn = (obj) => {
			var v = obj[key0];
			return v === void 0 || v === null ? void 0 : v[key1];
		};
	} else if (splitLength === 3) {
		/**
		* Fast path for 3-segment paths (e.g. 'deep.deeper.deepNr').
		* Common in index fields and nested document properties.
		*/
		var _key = split[0];
		var _key2 = split[1];
		var key2 = split[2];
		fn = (obj) => {
			var v = obj[_key];
			if (v === void 0 || v === null) return void 0;
			var v2 = v[_key2];
			return v2 === void 0 || v2 === null ? void 0 : v2[key2];
		};
	} else if (splitLength === 4) {
		/**
		* Fast path for 4-segment paths.
		* Avoids loop overhead for deeper nested properties.
		*/
		var _key3 = split[0];
		var _key4 = split[1];
		var _key5 = split[2];
		var key3 = split[3];
		fn = (obj) => {
			var v = obj[_key3];
			if (v === void 0 || v === null) return void 0;
			var v2 = v[_key4];
			if (v2 === void 0 || v2 === null) return void 0;
			var v3 = v2[_key5];
			return v3 === void 0 || v3 === null ? void 0 : v3[key3];
		};
	} else if (splitLength === 5) {
		/**
		* Fast path for 5-segment paths.
		* Avoids loop overhead for deeply nested properties.
		*/
		var _key6 = split[0];
		var _key7 = split[1];
		var _key8 = split[2];
		var _key9 = split[3];
		var key4 = split[4];
		fn = (obj) => {
			var v = obj[_key6];
			if (v === void 0 || v === null) return void 0;
			var v2 = v[_key7];
			if (v2 === void 0 || v2 === null) return void 0;
			var v3 = v2[_key8];
			if (v3 === void 0 || v3 === null) return void 0;
			var v4 = v3[_key9];
			return v4 === void 0 || v4 === null ? void 0 : v4[key4];
		};
	} else fn = (obj) => {
		var currentVal = obj;
		for (var i = 0; i < splitLength; ++i) {
			if (currentVal === void 0 || currentVal === null) return;
			currentVal = currentVal[split[i]];
		}
		return currentVal;
	};
	objectPathMonadCache.set(objectPath, fn);
	return fn;
}
/**
* does a flat copy on the objects,
* is about 3 times faster than using deepClone.
* Using the spread operator instead of Object.assign
* because V8 optimizes spread for plain objects (~4x faster).
*/
function flatClone(obj) {
	return { ...obj };
}
/**
* @link https://stackoverflow.com/a/11509718/3443137
*/
function firstPropertyNameOfObject(obj) {
	return Object.keys(obj)[0];
}
/**
* deep-sort an object so its attributes are in lexical order.
* Also sorts the arrays inside of the object if no-array-sort not set
*/
function sortObject(obj, noArraySort = false) {
	if (!obj) return obj;
	if (!noArraySort && Array.isArray(obj)) return obj.sort((a, b) => {
		if (typeof a === "string" && typeof b === "string") return a.localeCompare(b);
		if (typeof a === "object") return 1;
		else return -1;
	}).map((i) => sortObject(i, noArraySort));
	if (typeof obj === "object" && !Array.isArray(obj)) {
		var out = {};
		Object.keys(obj).sort((a, b) => a.localeCompare(b)).forEach((key) => {
			out[key] = sortObject(obj[key], noArraySort);
		});
		return out;
	}
	return obj;
}
/**
* Deep clone a plain json object.
* Does not work with recursive stuff
* or non-plain-json.
* IMPORTANT: Performance of this is very important,
* do not change it without running performance tests!
*
* @link https://github.com/zxdong262/deep-copy/blob/master/src/index.ts
*/
function deepClone(src) {
	if (!src || typeof src !== "object") return src;
	if (Array.isArray(src)) {
		var ret = new Array(src.length);
		var i = ret.length;
		while (i--) ret[i] = deepClone(src[i]);
		return ret;
	}
	if (typeof Blob !== "undefined" && src instanceof Blob) return src;
	var dest = {};
	for (var key in src) dest[key] = deepClone(src[key]);
	return dest;
}
var clone$1 = deepClone;
/**
* overwrites the getter with the actual value
* Mostly used for caching stuff on the first run.
*
* Using a value descriptor instead of a getter descriptor
* so that subsequent property accesses are direct value lookups
* instead of function calls, which is ~37% faster for reads.
*/
function overwriteGetterForCaching(obj, getterName, value) {
	Object.defineProperty(obj, getterName, { value });
	return value;
}
function getDefaultRxDocumentMeta() {
	return { 
	/**
	* Set this to 1 to not waste performance
	* while calling new Date()..
	* The storage wrappers will anyway update
	* the lastWrite time while calling transformDocumentDataFromRxDBToRxStorage()
	*/
lwt: 1 };
}
/**
* Returns a revision that is not valid.
* Use this to have correct typings
* while the storage wrapper anyway will overwrite the revision.
*/
function getDefaultRevision() {
	/**
	* Use a non-valid revision format,
	* to ensure that the RxStorage will throw
	* when the revision is not replaced downstream.
	*/
	return "";
}
function stripMetaDataFromDocument(docData) {
	return Object.assign({}, docData, {
		_meta: void 0,
		_deleted: void 0,
		_rev: void 0
	});
}
/**
* Faster way to check the equality of document lists
* compared to doing a deep-equal.
* Here we only check the ids and revisions.
*/
function areRxDocumentArraysEqual(primaryPath, ar1, ar2) {
	if (ar1.length !== ar2.length) return false;
	var i = 0;
	var len = ar1.length;
	while (i < len) {
		var row1 = ar1[i];
		var row2 = ar2[i];
		i++;
		if (row1[primaryPath] !== row2[primaryPath] || row1._rev !== row2._rev || row1._meta.lwt !== row2._meta.lwt) return false;
	}
	return true;
}
// node_modules/rxdb/dist/esm/plugins/utils/utils-hash.js
/**
* Cache this here so we do not have to run the try-catch
* each time for better performance.
* If your JavaScript runtime does not support crypto.subtle.digest,
* provide your own hash function when calling createRxDatabase().
*/
var hashFn;
function getHashFn() {
	if (hashFn) return hashFn;
	if (typeof crypto === "undefined" || typeof crypto.subtle === "undefined" || typeof crypto.subtle.digest !== "function") throw newRxError("UT8", { args: {
		typeof_crypto: typeof crypto,
		typeof_crypto_subtle: typeof crypto?.subtle,
		typeof_crypto_subtle_digest: typeof crypto?.subtle?.digest
	} });
	hashFn = crypto.subtle.digest.bind(crypto.subtle);
	return hashFn;
}
async function nativeSha256(input) {
	var data;
	if (typeof Blob !== "undefined" && input instanceof Blob) data = await input.arrayBuffer();
	else if (typeof input === "string") data = new TextEncoder().encode(input);
	else data = input;
	var hashBuffer = await getHashFn()("SHA-256", data);
	return Array.prototype.map.call(new Uint8Array(hashBuffer), (x) => ("00" + x.toString(16)).slice(-2)).join("");
}
var defaultHashSha256 = nativeSha256;
// node_modules/rxdb/dist/esm/plugins/utils/utils-promise.js
/**
* returns a promise that resolves on the next tick
*/
function nextTick() {
	return new Promise((res) => setTimeout(res, 0));
}
function promiseWait(ms = 0) {
	return new Promise((res) => setTimeout(res, ms));
}
function toPromise(maybePromise) {
	if (maybePromise && typeof maybePromise.then === "function") return maybePromise;
	else return Promise.resolve(maybePromise);
}
/**
* Reusing resolved promises has a better
* performance than creating new ones each time.
*/
var PROMISE_RESOLVE_TRUE = Promise.resolve(true);
var PROMISE_RESOLVE_FALSE = Promise.resolve(false);
var PROMISE_RESOLVE_NULL = Promise.resolve(null);
var PROMISE_RESOLVE_VOID = Promise.resolve();
function requestIdlePromiseNoQueue(timeout = 1e4) {
	/**
	* Do not use window.requestIdleCallback
	* because some javascript runtimes like react-native,
	* do not have a window object, but still have a global
	* requestIdleCallback function.
	* @link https://github.com/pubkey/rxdb/issues/4804
	*/
	if (typeof requestIdleCallback === "function") return new Promise((res) => {
		requestIdleCallback(() => res(), { timeout });
	});
	else return promiseWait(0);
}
/**
* If multiple operations wait for an requestIdlePromise
* we do not want them to resolve all at the same time.
* So we have to queue the calls.
*/
var idlePromiseQueue = PROMISE_RESOLVE_VOID;
function requestIdlePromise(timeout = void 0) {
	idlePromiseQueue = idlePromiseQueue.then(() => {
		return requestIdlePromiseNoQueue(timeout);
	});
	return idlePromiseQueue;
}
/**
* like Promise.all() but runs in series instead of parallel
* @link https://github.com/egoist/promise.series/blob/master/index.js
* @param tasks array with functions that return a promise
*/
function promiseSeries(tasks, initial) {
	return tasks.reduce((current, next) => current.then(next), Promise.resolve(initial));
}
// node_modules/rxdb/dist/esm/plugins/utils/utils-regex.js
var REGEX_ALL_DOTS = /\./g;
// node_modules/rxdb/dist/esm/plugins/utils/utils-string.js
var COUCH_NAME_CHARS = "abcdefghijklmnopqrstuvwxyz";
/**
* Get a random string which can be used for many things in RxDB.
* The returned string is guaranteed to be a valid database name or collection name
* and also to be a valid JavaScript variable name.
* 
* @link http://stackoverflow.com/a/1349426/3443137
*/
function randomToken$1(length = 10) {
	var text = "";
	for (var i = 0; i < length; i++) text += COUCH_NAME_CHARS.charAt(Math.floor(Math.random() * 26));
	return text;
}
/**
* uppercase first char
*/
function ucfirst(str) {
	str += "";
	return str.charAt(0).toUpperCase() + str.substr(1);
}
/**
* removes trailing and ending dots from the string
*/
function trimDots(str) {
	var start = 0;
	var end = str.length;
	while (start < end && str.charCodeAt(start) === 46) start++;
	while (end > start && str.charCodeAt(end - 1) === 46) end--;
	if (start === 0 && end === str.length) return str;
	return str.substring(start, end);
}
// node_modules/rxdb/dist/esm/plugins/utils/utils-object-deep-equal.js
/**
* Copied from the fast-deep-equal package
* because it does not support es modules and causes optimization bailouts.
* TODO use the npm package again when this is merged:
* @link https://github.com/epoberezkin/fast-deep-equal/pull/105
*/
function deepEqual(a, b) {
	if (a === b) return true;
	if (a && b && typeof a == "object" && typeof b == "object") {
		if (a.constructor !== b.constructor) return false;
		var length;
		var i;
		if (Array.isArray(a)) {
			length = a.length;
			if (length !== b.length) return false;
			for (i = length; i-- !== 0;) if (!deepEqual(a[i], b[i])) return false;
			return true;
		}
		if (a.constructor === RegExp) return a.source === b.source && a.flags === b.flags;
		if (a.valueOf !== Object.prototype.valueOf) return a.valueOf() === b.valueOf();
		if (a.toString !== Object.prototype.toString) return a.toString() === b.toString();
		var keys = Object.keys(a);
		length = keys.length;
		if (length !== Object.keys(b).length) return false;
		for (i = length; i-- !== 0;) {
			var key = keys[i];
			if (!Object.prototype.hasOwnProperty.call(b, key) || !deepEqual(a[key], b[key])) return false;
		}
		return true;
	}
	return a !== a && b !== b;
}
// node_modules/rxdb/dist/esm/plugins/utils/utils-object-dot-prop.js
/**
* Copied from
* @link https://github.com/sindresorhus/dot-prop/blob/main/index.js
* because it is currently an esm only module.
* TODO use the npm package again when RxDB is also fully esm.
*/
var isObject$2 = (value) => {
	var type = typeof value;
	return value !== null && (type === "object" || type === "function");
};
var disallowedKeys = /* @__PURE__ */ new Set([
	"__proto__",
	"prototype",
	"constructor"
]);
var digits = /* @__PURE__ */ new Set("0123456789");
function getPathSegments(path) {
	var parts = [];
	var currentSegment = "";
	var currentPart = "start";
	var isIgnoring = false;
	for (var character of path) switch (character) {
		case "\\":
			if (currentPart === "index") throw new Error("Invalid character in an index");
			if (currentPart === "indexEnd") throw new Error("Invalid character after an index");
			if (isIgnoring) currentSegment += character;
			currentPart = "property";
			isIgnoring = !isIgnoring;
			break;
		case ".":
			if (currentPart === "index") throw new Error("Invalid character in an index");
			if (currentPart === "indexEnd") {
				currentPart = "property";
				break;
			}
			if (isIgnoring) {
				isIgnoring = false;
				currentSegment += character;
				break;
			}
			if (disallowedKeys.has(currentSegment)) return [];
			parts.push(currentSegment);
			currentSegment = "";
			currentPart = "property";
			break;
		case "[":
			if (currentPart === "index") throw new Error("Invalid character in an index");
			if (currentPart === "indexEnd") {
				currentPart = "index";
				break;
			}
			if (isIgnoring) {
				isIgnoring = false;
				currentSegment += character;
				break;
			}
			if (currentPart === "property") {
				if (disallowedKeys.has(currentSegment)) return [];
				parts.push(currentSegment);
				currentSegment = "";
			}
			currentPart = "index";
			break;
		case "]":
			if (currentPart === "index") {
				parts.push(Number.parseInt(currentSegment, 10));
				currentSegment = "";
				currentPart = "indexEnd";
				break;
			}
			if (currentPart === "indexEnd") throw new Error("Invalid character after an index");
		default:
			if (currentPart === "index" && !digits.has(character)) throw new Error("Invalid character in an index");
			if (currentPart === "indexEnd") throw new Error("Invalid character after an index");
			if (currentPart === "start") currentPart = "property";
			if (isIgnoring) {
				isIgnoring = false;
				currentSegment += "\\";
			}
			currentSegment += character;
	}
	if (isIgnoring) currentSegment += "\\";
	switch (currentPart) {
		case "property":
			if (disallowedKeys.has(currentSegment)) return [];
			parts.push(currentSegment);
			break;
		case "index": throw new Error("Index was not closed");
		case "start": parts.push("");
	}
	return parts;
}
function isStringIndex$1(object, key) {
	if (typeof key !== "number" && Array.isArray(object)) {
		var index = Number.parseInt(key, 10);
		return Number.isInteger(index) && object[index] === object[key];
	}
	return false;
}
function assertNotStringIndex(object, key) {
	if (isStringIndex$1(object, key)) throw new Error("Cannot use string index");
}
/**
* TODO we need some performance tests and improvements here.
*/
function getProperty$1(object, path, value) {
	if (Array.isArray(path)) path = path.join(".");
	/**
	* Performance shortcut.
	* In most cases we just have a simple property name
	* so we can directly return it.
	*/
	if (!path.includes(".") && !path.includes("[")) return object[path];
	if (!isObject$2(object) || typeof path !== "string") return value === void 0 ? object : value;
	/**
	* Fast path for simple dot-notation paths without bracket
	* notation or backslash escaping. This covers the vast majority
	* of RxDB property access patterns (e.g. 'nested.field')
	* and avoids the expensive getPathSegments() parser.
	*/
	if (!path.includes("[") && !path.includes("\\")) {
		var segments = path.split(".");
		var current = object;
		for (var i = 0; i < segments.length; i++) {
			var seg = segments[i];
			if (disallowedKeys.has(seg)) return value;
			current = current[seg];
			if (current === void 0 || current === null) {
				if (i !== segments.length - 1) return value;
				break;
			}
		}
		return current === void 0 ? value : current;
	}
	var pathArray = getPathSegments(path);
	if (pathArray.length === 0) return value;
	for (var index = 0; index < pathArray.length; index++) {
		var key = pathArray[index];
		if (isStringIndex$1(object, key)) object = index === pathArray.length - 1 ? void 0 : null;
		else object = object[key];
		if (object === void 0 || object === null) {
			if (index !== pathArray.length - 1) return value;
			break;
		}
	}
	return object === void 0 ? value : object;
}
function setProperty(object, path, value) {
	if (Array.isArray(path)) path = path.join(".");
	if (!isObject$2(object) || typeof path !== "string") return object;
	var root = object;
	var pathArray = getPathSegments(path);
	for (var index = 0; index < pathArray.length; index++) {
		var key = pathArray[index];
		assertNotStringIndex(object, key);
		if (index === pathArray.length - 1) object[key] = value;
		else if (!isObject$2(object[key])) object[key] = typeof pathArray[index + 1] === "number" ? [] : {};
		object = object[key];
	}
	return root;
}
// node_modules/rxdb/dist/esm/plugins/utils/utils-map.js
function getFromMapOrThrow(map, key) {
	var val = map.get(key);
	if (val === void 0) throw new Error("missing value from map " + key);
	return val;
}
function getFromMapOrCreate(map, index, creator, ifWasThere) {
	var value = map.get(index);
	if (value === void 0) {
		value = creator();
		map.set(index, value);
	} else if (ifWasThere) ifWasThere(value);
	return value;
}
// node_modules/rxdb/dist/esm/plugins/utils/utils-error.js
/**
* Returns an error that indicates that a plugin is missing
* We do not throw a RxError because this should not be handled
* programmatically but by using the correct import
*/
function pluginMissing(pluginKey) {
	var keyParts = pluginKey.split("-");
	var pluginName = "RxDB";
	keyParts.forEach((part) => {
		pluginName += ucfirst(part);
	});
	pluginName += "Plugin";
	return /* @__PURE__ */ new Error("You are using a function which must be overwritten by a plugin.\n        You should either prevent the usage of this function or add the plugin via:\n            import { " + pluginName + " } from 'rxdb/plugins/" + pluginKey + "';\n            addRxPlugin(" + pluginName + ");\n        ");
}
function errorToPlainJson(err) {
	return {
		name: err.name,
		message: err.message,
		rxdb: err.rxdb,
		parameters: err.parameters,
		extensions: err.extensions,
		code: err.code,
		url: err.url,
		/**
		* stack must be last to make it easier to read the json in a console.
		* Also we ensure that each linebreak is spaced so that the chrome devtools
		* shows urls to the source code that can be clicked to inspect
		* the correct place in the code.
		*/
		stack: !err.stack ? void 0 : err.stack.replace(/\n/g, " \n ")
	};
}
// node_modules/rxdb/dist/esm/plugins/utils/utils-time.js
/**
* Returns the current unix time in milliseconds (with two decimals!)
* Because the accuracy of getTime() in javascript is bad,
* and we cannot rely on performance.now() on all platforms,
* this method implements a way to never return the same value twice.
* This ensures that when now() is called often, we do not loose the information
* about which call came first and which came after.
*
* We had to move from having no decimals, to having two decimal
* because it turned out that some storages are such fast that
* calling this method too often would return 'the future'.
*
* Tracks the current millisecond and a sub-millisecond counter (1-99)
* separately as integers to avoid floating point rounding errors
* and eliminate the need for Math.round().
*/
var _lastNowMs = 0;
var _lastNowSub = 0;
/**
* Returns the current time in milliseconds,
* also ensures to not return the same value twice.
*/
function now$1() {
	var dateNow = Date.now();
	if (dateNow > _lastNowMs) {
		_lastNowMs = dateNow;
		/**
		* Start at 1 (not 0) so the returned value is always
		* dateNow + 0.01 at minimum, matching the original behavior
		* of always adding 0.01 to Date.now().
		*/
		_lastNowSub = 1;
	} else if (++_lastNowSub === 100) {
		_lastNowMs++;
		_lastNowSub = 1;
	}
	return _lastNowMs + _lastNowSub * .01;
}
// node_modules/rxdb/dist/esm/plugins/utils/utils-other.js
/**
* Move the throw into a separate function
* so that V8 can better inline the main ensureNotFalsy function.
*/
function ensureNotFalsyThrow(message) {
	throw new Error("ensureNotFalsy() is falsy: " + (message || ""));
}
function ensureNotFalsy(obj, message) {
	if (!obj) ensureNotFalsyThrow(message);
	return obj;
}
/**
* Using shareReplay() without settings will not unsubscribe
* if there are no more subscribers.
* So we use these defaults.
* @link https://cartant.medium.com/rxjs-whats-changed-with-sharereplay-65c098843e95
*/
var RXJS_SHARE_REPLAY_DEFAULTS = {
	bufferSize: 1,
	refCount: true
};
// node_modules/rxdb/dist/esm/plugins/utils/utils-rxdb-version.js
/**
* This file is replaced in the 'npm run build:version' script.
*/
var RXDB_VERSION = "17.6.0";
// node_modules/rxdb/dist/esm/plugins/utils/utils-global.js
/**
* Can be used by some plugins to have a "global" object that
* can be imported and mutated at will.
*/
var RXDB_UTILS_GLOBAL = {};
var hasPremiumPromise = PROMISE_RESOLVE_FALSE;
var premiumChecked = false;
/**
* Here we check if the premium flag has been set.
* This code exists in the open source version of RxDB.
* Yes you are allowed to fork the repo and just overwrite this function.
* However you might better spend this time developing your real project
* and supporting the RxDB efforts by buying premium.
*/
async function hasPremiumFlag() {
	if (premiumChecked) return hasPremiumPromise;
	premiumChecked = true;
	hasPremiumPromise = (async () => {
		if (RXDB_UTILS_GLOBAL.premium && typeof RXDB_UTILS_GLOBAL.premium === "string" && await defaultHashSha256(RXDB_UTILS_GLOBAL.premium) === "6da4936d1425ff3a5c44c02342c6daf791d266be3ae8479b8ec59e261df41b93") return true;
		else return false;
	})();
	return hasPremiumPromise;
}
// node_modules/rxdb/dist/esm/rx-schema-helper.js
/**
* Cache for getSchemaByObjectPath results.
* Uses a WeakMap keyed by the schema object reference
* so the cache is automatically cleaned up when schemas are garbage collected.
*/
var SCHEMA_PATH_CACHE = /* @__PURE__ */ new WeakMap();
/**
* Returns the sub-schema for a given path.
* Results are cached per schema reference and path
* to avoid redundant string operations and property lookups.
*/
function getSchemaByObjectPath(rxJsonSchema, path) {
	var pathCache = SCHEMA_PATH_CACHE.get(rxJsonSchema);
	var pathStr = path;
	if (pathCache) {
		var cached = pathCache.get(pathStr);
		if (cached) return cached;
	} else {
		pathCache = /* @__PURE__ */ new Map();
		SCHEMA_PATH_CACHE.set(rxJsonSchema, pathCache);
	}
	var usePath = pathStr;
	usePath = usePath.replace(REGEX_ALL_DOTS, ".properties.");
	usePath = "properties." + usePath;
	usePath = trimDots(usePath);
	var ret = getProperty$1(rxJsonSchema, usePath);
	pathCache.set(pathStr, ret);
	return ret;
}
function fillPrimaryKey(primaryPath, jsonSchema, documentData) {
	if (typeof jsonSchema.primaryKey === "string") return documentData;
	var newPrimary = getComposedPrimaryKeyOfDocumentData(jsonSchema, documentData);
	var existingPrimary = documentData[primaryPath];
	if (existingPrimary && existingPrimary !== newPrimary) throw newRxError("DOC19", {
		args: {
			documentData,
			existingPrimary,
			newPrimary
		},
		schema: jsonSchema
	});
	documentData[primaryPath] = newPrimary;
	return documentData;
}
function getPrimaryFieldOfPrimaryKey(primaryKey) {
	if (typeof primaryKey === "string") return primaryKey;
	else return primaryKey.key;
}
function getLengthOfPrimaryKey(schema) {
	return ensureNotFalsy(getSchemaByObjectPath(schema, getPrimaryFieldOfPrimaryKey(schema.primaryKey)).maxLength);
}
/**
* Returns the composed primaryKey of a document by its data.
*/
function getComposedPrimaryKeyOfDocumentData(jsonSchema, documentData) {
	if (typeof jsonSchema.primaryKey === "string") return documentData[jsonSchema.primaryKey];
	var compositePrimary = jsonSchema.primaryKey;
	return compositePrimary.fields.map((field) => {
		var value = getProperty$1(documentData, field);
		if (typeof value === "undefined") throw newRxError("DOC18", { args: {
			field,
			documentData
		} });
		return value;
	}).join(compositePrimary.separator);
}
/**
* Normalize the RxJsonSchema.
* We need this to ensure everything is set up properly
* and we have the same hash on schemas that represent the same value but
* have different json.
*
* - Orders the schemas attributes by alphabetical order
* - Adds the primaryKey to all indexes that do not contain the primaryKey
* - We need this for deterministic sort order on all queries, which is required for event-reduce to work.
*
* @return RxJsonSchema - ordered and filled
*/
function normalizeRxJsonSchema(jsonSchema) {
	return sortObject(jsonSchema, true);
}
/**
* If the schema does not specify any index,
* we add this index so we at least can run RxQuery()
* and only select non-deleted fields.
*/
function getDefaultIndex(primaryPath) {
	return ["_deleted", primaryPath];
}
/**
* fills the schema-json with default-settings
* @return cloned schemaObj
*/
function fillWithDefaultSettings(schemaObj) {
	schemaObj = flatClone(schemaObj);
	var primaryPath = getPrimaryFieldOfPrimaryKey(schemaObj.primaryKey);
	schemaObj.properties = flatClone(schemaObj.properties);
	schemaObj.additionalProperties = false;
	if (!Object.prototype.hasOwnProperty.call(schemaObj, "keyCompression")) schemaObj.keyCompression = false;
	schemaObj.indexes = schemaObj.indexes ? schemaObj.indexes.slice(0) : [];
	schemaObj.required = schemaObj.required ? schemaObj.required.slice(0) : [];
	schemaObj.encrypted = schemaObj.encrypted ? schemaObj.encrypted.slice(0) : [];
	schemaObj.properties._rev = {
		type: "string",
		minLength: 1
	};
	schemaObj.properties._attachments = { type: "object" };
	schemaObj.properties._deleted = { type: "boolean" };
	schemaObj.properties._meta = RX_META_SCHEMA;
	/**
	* meta fields are all required
	*/
	schemaObj.required = schemaObj.required ? schemaObj.required.slice(0) : [];
	schemaObj.required.push("_deleted");
	schemaObj.required.push("_rev");
	schemaObj.required.push("_meta");
	schemaObj.required.push("_attachments");
	schemaObj.required.push(primaryPath);
	schemaObj.required = schemaObj.required.filter((field) => !field.includes(".")).filter((elem, pos, arr) => arr.indexOf(elem) === pos);
	schemaObj.version = schemaObj.version || 0;
	var useIndexes = schemaObj.indexes.map((index) => {
		var arIndex = isMaybeReadonlyArray(index) ? index.slice(0) : [index];
		/**
		* Append primary key to indexes that do not contain the primaryKey.
		* All indexes must have the primaryKey to ensure a deterministic sort order.
		*/
		if (!arIndex.includes(primaryPath)) arIndex.push(primaryPath);
		if (arIndex[0] !== "_deleted") arIndex.unshift("_deleted");
		return arIndex;
	});
	if (useIndexes.length === 0) useIndexes.push(getDefaultIndex(primaryPath));
	useIndexes.push(["_meta.lwt", primaryPath]);
	if (schemaObj.internalIndexes) schemaObj.internalIndexes.map((idx) => {
		useIndexes.push(idx);
	});
	var hasIndex = /* @__PURE__ */ new Set();
	schemaObj.indexes = useIndexes.filter((index) => {
		var indexStr = index.join(",");
		if (hasIndex.has(indexStr)) return false;
		else {
			hasIndex.add(indexStr);
			return true;
		}
	});
	return schemaObj;
}
var RX_META_SCHEMA = {
	type: "object",
	properties: { 
	/**
	* The last-write time.
	* Unix time in milliseconds.
	*/
lwt: {
		type: "number",
		/**
		* We use 1 as minimum so that the value is never falsy.
		*/
		minimum: 1,
		maximum: 0x38d7ea4c68000,
		multipleOf: .01
	} },
	/**
	* Additional properties are allowed
	* and can be used by plugins to set various flags.
	*/
	additionalProperties: true,
	required: ["lwt"]
};
/**
* returns the final-fields of the schema
* @return field-names of the final-fields
*/
function getFinalFields(jsonSchema) {
	var ret = Object.keys(jsonSchema.properties).filter((key) => jsonSchema.properties[key].final);
	var primaryPath = getPrimaryFieldOfPrimaryKey(jsonSchema.primaryKey);
	ret.push(primaryPath);
	if (typeof jsonSchema.primaryKey !== "string") jsonSchema.primaryKey.fields.forEach((field) => ret.push(field));
	return ret;
}
/**
* fills all unset fields with default-values if set
* @hotPath
*/
function fillObjectWithDefaults(rxSchema, obj) {
	var defaultKeys = Object.keys(rxSchema.defaultValues);
	for (var i = 0; i < defaultKeys.length; ++i) {
		var key = defaultKeys[i];
		if (obj[key] === void 0) {
			var val = rxSchema.defaultValues[key];
			if (typeof val === "object" && val !== null) obj[key] = Array.isArray(val) ? val.slice() : { ...val };
			else obj[key] = val;
		}
	}
	return obj;
}
// node_modules/rxdb/dist/esm/plugins/storage-dexie/dexie-helper.js
var DEXIE_DOCS_TABLE_NAME = "docs";
var DEXIE_CHANGES_TABLE_NAME = "changes";
var DEXIE_ATTACHMENTS_TABLE_NAME = "attachments";
var RX_STORAGE_NAME_DEXIE = "dexie";
var DEXIE_STATE_DB_BY_NAME = /* @__PURE__ */ new Map();
var REF_COUNT_PER_DEXIE_DB = /* @__PURE__ */ new Map();
function getDexieDbWithTables(databaseName, collectionName, settings, schema) {
	var dexieDbName = "rxdb-dexie-" + databaseName + "--" + schema.version + "--" + collectionName;
	var state = getFromMapOrCreate(DEXIE_STATE_DB_BY_NAME, dexieDbName, () => {
		var value = (async () => {
			/**
			* IndexedDB was not designed for dynamically adding tables on the fly,
			* so we create one dexie database per RxDB storage instance.
			* @link https://github.com/dexie/Dexie.js/issues/684#issuecomment-373224696
			*/
			var useSettings = flatClone(settings);
			useSettings.autoOpen = false;
			var dexieDb = new Dexie(dexieDbName, useSettings);
			if (settings.onCreate) await settings.onCreate(dexieDb, dexieDbName);
			var dexieStoresSettings = {
				[DEXIE_DOCS_TABLE_NAME]: getDexieStoreSchema(schema),
				[DEXIE_CHANGES_TABLE_NAME]: "++sequence, id",
				[DEXIE_ATTACHMENTS_TABLE_NAME]: "id"
			};
			dexieDb.version(1).stores(dexieStoresSettings);
			await dexieDb.open();
			return {
				dexieDb,
				dexieTable: dexieDb[DEXIE_DOCS_TABLE_NAME],
				dexieAttachmentsTable: dexieDb[DEXIE_ATTACHMENTS_TABLE_NAME],
				booleanIndexes: getBooleanIndexes(schema)
			};
		})();
		/**
		* This callback runs synchronously inside of the assignment
		* of state, so the count has to be keyed on value
		* which is the same promise that getFromMapOrCreate() returns.
		*/
		REF_COUNT_PER_DEXIE_DB.set(value, 0);
		return value;
	});
	/**
	* Count one reference per storage instance.
	* getDexieDbWithTables() runs once per storage instance
	* and closeDexieDb() once per storage instance close,
	* so the counting stays balanced.
	*/
	REF_COUNT_PER_DEXIE_DB.set(state, (REF_COUNT_PER_DEXIE_DB.get(state) ?? 0) + 1);
	return state;
}
async function closeDexieDb(statePromise) {
	var state = await statePromise;
	var newCount = (REF_COUNT_PER_DEXIE_DB.get(statePromise) ?? 0) - 1;
	if (newCount <= 0) {
		state.dexieDb.close();
		REF_COUNT_PER_DEXIE_DB.delete(statePromise);
		/**
		* The name cache must be cleaned up together with the connection.
		* Otherwise the next open of the same name would get
		* the closed dexie instance and throw a DatabaseClosedError.
		* @link https://github.com/pubkey/rxdb/issues/8793
		*/
		for (var [cachedName, cachedState] of DEXIE_STATE_DB_BY_NAME.entries()) if (cachedState === statePromise) DEXIE_STATE_DB_BY_NAME.delete(cachedName);
	} else REF_COUNT_PER_DEXIE_DB.set(statePromise, newCount);
}
function dexieReplaceIfStartsWithPipe(str) {
	var split = str.split(".");
	if (split.length > 1) return split.map((part) => dexieReplaceIfStartsWithPipe(part)).join(".");
	if (str.startsWith("|")) return "__" + str.substring(1);
	else return str;
}
function dexieReplaceIfStartsWithPipeRevert(str) {
	var split = str.split(".");
	if (split.length > 1) return split.map((part) => dexieReplaceIfStartsWithPipeRevert(part)).join(".");
	if (str.startsWith("__")) return "|" + str.substring(2);
	else return str;
}
/**
* IndexedDB does not support boolean indexing.
* So we have to replace true/false with '1'/'0'
* @param d 
*/
function fromStorageToDexie(booleanIndexes, inputDoc) {
	if (!inputDoc) return inputDoc;
	var d = flatClone(inputDoc);
	d = fromStorageToDexieField(d);
	booleanIndexes.forEach((idx) => {
		var newVal = getProperty$1(inputDoc, idx) ? "1" : "0";
		var useIndex = dexieReplaceIfStartsWithPipe(idx);
		setProperty(d, useIndex, newVal);
	});
	return d;
}
function fromDexieToStorage(booleanIndexes, d) {
	if (!d) return d;
	d = flatClone(d);
	d = fromDexieToStorageField(d);
	booleanIndexes.forEach((idx) => {
		var newVal = getProperty$1(d, idx) === "1" ? true : false;
		setProperty(d, idx, newVal);
	});
	return d;
}
/**
* @recursive
*/
function fromStorageToDexieField(documentData) {
	if (!documentData || typeof documentData === "string" || typeof documentData === "number" || typeof documentData === "boolean") return documentData;
	else if (Array.isArray(documentData)) return documentData.map((row) => fromStorageToDexieField(row));
	else if (typeof documentData === "object") {
		var ret = {};
		Object.entries(documentData).forEach(([key, value]) => {
			if (typeof value === "object") value = fromStorageToDexieField(value);
			ret[dexieReplaceIfStartsWithPipe(key)] = value;
		});
		return ret;
	}
}
function fromDexieToStorageField(documentData) {
	if (!documentData || typeof documentData === "string" || typeof documentData === "number" || typeof documentData === "boolean") return documentData;
	else if (Array.isArray(documentData)) return documentData.map((row) => fromDexieToStorageField(row));
	else if (typeof documentData === "object") {
		var ret = {};
		Object.entries(documentData).forEach(([key, value]) => {
			if (typeof value === "object" || Array.isArray(documentData)) value = fromDexieToStorageField(value);
			ret[dexieReplaceIfStartsWithPipeRevert(key)] = value;
		});
		return ret;
	}
}
/**
* Creates a string that can be used to create the dexie store.
* @link https://dexie.org/docs/API-Reference#quick-reference
*/
function getDexieStoreSchema(rxJsonSchema) {
	var parts = [];
	/**
	* First part must be the primary key
	* @link https://github.com/dexie/Dexie.js/issues/1307#issuecomment-846590912
	*/
	var primaryKey = getPrimaryFieldOfPrimaryKey(rxJsonSchema.primaryKey);
	parts.push([primaryKey]);
	parts.push(["_deleted", primaryKey]);
	if (rxJsonSchema.indexes) rxJsonSchema.indexes.forEach((index) => {
		var arIndex = toArray(index);
		parts.push(arIndex);
	});
	parts.push(["_meta.lwt", primaryKey]);
	parts.push(["_meta.lwt"]);
	/**
	* It is not possible to set non-javascript-variable-syntax
	* keys as IndexedDB indexes. So we have to substitute the pipe-char
	* which comes from the key-compression plugin.
	*/
	parts = parts.map((part) => {
		return part.map((str) => dexieReplaceIfStartsWithPipe(str));
	});
	var dexieSchemaRows = parts.map((part) => {
		if (part.length === 1) return part[0];
		else return "[" + part.join("+") + "]";
	});
	dexieSchemaRows = dexieSchemaRows.filter((elem, pos, arr) => arr.indexOf(elem) === pos);
	return dexieSchemaRows.join(", ");
}
/**
* Returns all documents in the database.
* Non-deleted plus deleted ones.
*/
async function getDocsInDb(internals, docIds) {
	var state = await internals;
	return (await state.dexieTable.bulkGet(docIds)).map((d) => fromDexieToStorage(state.booleanIndexes, d));
}
function attachmentObjectId(documentId, attachmentId) {
	return documentId + "||" + attachmentId;
}
function getBooleanIndexes(schema) {
	var checkedFields = /* @__PURE__ */ new Set();
	var ret = [];
	if (!schema.indexes) return ret;
	schema.indexes.forEach((index) => {
		toArray(index).forEach((field) => {
			if (checkedFields.has(field)) return;
			checkedFields.add(field);
			if (getSchemaByObjectPath(schema, field).type === "boolean") ret.push(field);
		});
	});
	ret.push("_deleted");
	return uniqueArray(ret);
}
// node_modules/tslib/tslib.es6.mjs
/******************************************************************************
Copyright (c) Microsoft Corporation.

Permission to use, copy, modify, and/or distribute this software for any
purpose with or without fee is hereby granted.

THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES WITH
REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF MERCHANTABILITY
AND FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR ANY SPECIAL, DIRECT,
INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES WHATSOEVER RESULTING FROM
LOSS OF USE, DATA OR PROFITS, WHETHER IN AN ACTION OF CONTRACT, NEGLIGENCE OR
OTHER TORTIOUS ACTION, ARISING OUT OF OR IN CONNECTION WITH THE USE OR
PERFORMANCE OF THIS SOFTWARE.
***************************************************************************** */
var extendStatics = function(d, b) {
	extendStatics = Object.setPrototypeOf || { __proto__: [] } instanceof Array && function(d, b) {
		d.__proto__ = b;
	} || function(d, b) {
		for (var p in b) if (Object.prototype.hasOwnProperty.call(b, p)) d[p] = b[p];
	};
	return extendStatics(d, b);
};
function __extends(d, b) {
	if (typeof b !== "function" && b !== null) throw new TypeError("Class extends value " + String(b) + " is not a constructor or null");
	extendStatics(d, b);
	function __() {
		this.constructor = d;
	}
	d.prototype = b === null ? Object.create(b) : (__.prototype = b.prototype, new __());
}
function __awaiter(thisArg, _arguments, P, generator) {
	function adopt(value) {
		return value instanceof P ? value : new P(function(resolve) {
			resolve(value);
		});
	}
	return new (P || (P = Promise))(function(resolve, reject) {
		function fulfilled(value) {
			try {
				step(generator.next(value));
			} catch (e) {
				reject(e);
			}
		}
		function rejected(value) {
			try {
				step(generator["throw"](value));
			} catch (e) {
				reject(e);
			}
		}
		function step(result) {
			result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected);
		}
		step((generator = generator.apply(thisArg, _arguments || [])).next());
	});
}
function __generator(thisArg, body) {
	var _ = {
		label: 0,
		sent: function() {
			if (t[0] & 1) throw t[1];
			return t[1];
		},
		trys: [],
		ops: []
	}, f, y, t, g = Object.create((typeof Iterator === "function" ? Iterator : Object).prototype);
	return g.next = verb(0), g["throw"] = verb(1), g["return"] = verb(2), typeof Symbol === "function" && (g[Symbol.iterator] = function() {
		return this;
	}), g;
	function verb(n) {
		return function(v) {
			return step([n, v]);
		};
	}
	function step(op) {
		if (f) throw new TypeError("Generator is already executing.");
		while (g && (g = 0, op[0] && (_ = 0)), _) try {
			if (f = 1, y && (t = op[0] & 2 ? y["return"] : op[0] ? y["throw"] || ((t = y["return"]) && t.call(y), 0) : y.next) && !(t = t.call(y, op[1])).done) return t;
			if (y = 0, t) op = [op[0] & 2, t.value];
			switch (op[0]) {
				case 0:
				case 1:
					t = op;
					break;
				case 4:
					_.label++;
					return {
						value: op[1],
						done: false
					};
				case 5:
					_.label++;
					y = op[1];
					op = [0];
					continue;
				case 7:
					op = _.ops.pop();
					_.trys.pop();
					continue;
				default:
					if (!(t = _.trys, t = t.length > 0 && t[t.length - 1]) && (op[0] === 6 || op[0] === 2)) {
						_ = 0;
						continue;
					}
					if (op[0] === 3 && (!t || op[1] > t[0] && op[1] < t[3])) {
						_.label = op[1];
						break;
					}
					if (op[0] === 6 && _.label < t[1]) {
						_.label = t[1];
						t = op;
						break;
					}
					if (t && _.label < t[2]) {
						_.label = t[2];
						_.ops.push(op);
						break;
					}
					if (t[2]) _.ops.pop();
					_.trys.pop();
					continue;
			}
			op = body.call(thisArg, _);
		} catch (e) {
			op = [6, e];
			y = 0;
		} finally {
			f = t = 0;
		}
		if (op[0] & 5) throw op[1];
		return {
			value: op[0] ? op[1] : void 0,
			done: true
		};
	}
}
function __values(o) {
	var s = typeof Symbol === "function" && Symbol.iterator, m = s && o[s], i = 0;
	if (m) return m.call(o);
	if (o && typeof o.length === "number") return { next: function() {
		if (o && i >= o.length) o = void 0;
		return {
			value: o && o[i++],
			done: !o
		};
	} };
	throw new TypeError(s ? "Object is not iterable." : "Symbol.iterator is not defined.");
}
function __read(o, n) {
	var m = typeof Symbol === "function" && o[Symbol.iterator];
	if (!m) return o;
	var i = m.call(o), r, ar = [], e;
	try {
		while ((n === void 0 || n-- > 0) && !(r = i.next()).done) ar.push(r.value);
	} catch (error) {
		e = { error };
	} finally {
		try {
			if (r && !r.done && (m = i["return"])) m.call(i);
		} finally {
			if (e) throw e.error;
		}
	}
	return ar;
}
function __spreadArray(to, from, pack) {
	if (pack || arguments.length === 2) {
		for (var i = 0, l = from.length, ar; i < l; i++) if (ar || !(i in from)) {
			if (!ar) ar = Array.prototype.slice.call(from, 0, i);
			ar[i] = from[i];
		}
	}
	return to.concat(ar || Array.prototype.slice.call(from));
}
function __await(v) {
	return this instanceof __await ? (this.v = v, this) : new __await(v);
}
function __asyncGenerator(thisArg, _arguments, generator) {
	if (!Symbol.asyncIterator) throw new TypeError("Symbol.asyncIterator is not defined.");
	var g = generator.apply(thisArg, _arguments || []), i, q = [];
	return i = Object.create((typeof AsyncIterator === "function" ? AsyncIterator : Object).prototype), verb("next"), verb("throw"), verb("return", awaitReturn), i[Symbol.asyncIterator] = function() {
		return this;
	}, i;
	function awaitReturn(f) {
		return function(v) {
			return Promise.resolve(v).then(f, reject);
		};
	}
	function verb(n, f) {
		if (g[n]) {
			i[n] = function(v) {
				return new Promise(function(a, b) {
					q.push([
						n,
						v,
						a,
						b
					]) > 1 || resume(n, v);
				});
			};
			if (f) i[n] = f(i[n]);
		}
	}
	function resume(n, v) {
		try {
			step(g[n](v));
		} catch (e) {
			settle(q[0][3], e);
		}
	}
	function step(r) {
		r.value instanceof __await ? Promise.resolve(r.value.v).then(fulfill, reject) : settle(q[0][2], r);
	}
	function fulfill(value) {
		resume("next", value);
	}
	function reject(value) {
		resume("throw", value);
	}
	function settle(f, v) {
		if (f(v), q.shift(), q.length) resume(q[0][0], q[0][1]);
	}
}
function __asyncValues(o) {
	if (!Symbol.asyncIterator) throw new TypeError("Symbol.asyncIterator is not defined.");
	var m = o[Symbol.asyncIterator], i;
	return m ? m.call(o) : (o = typeof __values === "function" ? __values(o) : o[Symbol.iterator](), i = {}, verb("next"), verb("throw"), verb("return"), i[Symbol.asyncIterator] = function() {
		return this;
	}, i);
	function verb(n) {
		i[n] = o[n] && function(v) {
			return new Promise(function(resolve, reject) {
				v = o[n](v), settle(resolve, reject, v.done, v.value);
			});
		};
	}
	function settle(resolve, reject, d, v) {
		Promise.resolve(v).then(function(v) {
			resolve({
				value: v,
				done: d
			});
		}, reject);
	}
}
// node_modules/rxjs/dist/esm5/internal/util/isFunction.js
function isFunction(value) {
	return typeof value === "function";
}
// node_modules/rxjs/dist/esm5/internal/util/createErrorClass.js
function createErrorClass(createImpl) {
	var _super = function(instance) {
		Error.call(instance);
		instance.stack = (/* @__PURE__ */ new Error()).stack;
	};
	var ctorFunc = createImpl(_super);
	ctorFunc.prototype = Object.create(Error.prototype);
	ctorFunc.prototype.constructor = ctorFunc;
	return ctorFunc;
}
// node_modules/rxjs/dist/esm5/internal/util/UnsubscriptionError.js
var UnsubscriptionError = createErrorClass(function(_super) {
	return function UnsubscriptionErrorImpl(errors) {
		_super(this);
		this.message = errors ? errors.length + " errors occurred during unsubscription:\n" + errors.map(function(err, i) {
			return i + 1 + ") " + err.toString();
		}).join("\n  ") : "";
		this.name = "UnsubscriptionError";
		this.errors = errors;
	};
});
// node_modules/rxjs/dist/esm5/internal/util/arrRemove.js
function arrRemove(arr, item) {
	if (arr) {
		var index = arr.indexOf(item);
		0 <= index && arr.splice(index, 1);
	}
}
// node_modules/rxjs/dist/esm5/internal/Subscription.js
var Subscription = function() {
	function Subscription(initialTeardown) {
		this.initialTeardown = initialTeardown;
		this.closed = false;
		this._parentage = null;
		this._finalizers = null;
	}
	Subscription.prototype.unsubscribe = function() {
		var e_1, _a, e_2, _b;
		var errors;
		if (!this.closed) {
			this.closed = true;
			var _parentage = this._parentage;
			if (_parentage) {
				this._parentage = null;
				if (Array.isArray(_parentage)) try {
					for (var _parentage_1 = __values(_parentage), _parentage_1_1 = _parentage_1.next(); !_parentage_1_1.done; _parentage_1_1 = _parentage_1.next()) _parentage_1_1.value.remove(this);
				} catch (e_1_1) {
					e_1 = { error: e_1_1 };
				} finally {
					try {
						if (_parentage_1_1 && !_parentage_1_1.done && (_a = _parentage_1.return)) _a.call(_parentage_1);
					} finally {
						if (e_1) throw e_1.error;
					}
				}
				else _parentage.remove(this);
			}
			var initialFinalizer = this.initialTeardown;
			if (isFunction(initialFinalizer)) try {
				initialFinalizer();
			} catch (e) {
				errors = e instanceof UnsubscriptionError ? e.errors : [e];
			}
			var _finalizers = this._finalizers;
			if (_finalizers) {
				this._finalizers = null;
				try {
					for (var _finalizers_1 = __values(_finalizers), _finalizers_1_1 = _finalizers_1.next(); !_finalizers_1_1.done; _finalizers_1_1 = _finalizers_1.next()) {
						var finalizer = _finalizers_1_1.value;
						try {
							execFinalizer(finalizer);
						} catch (err) {
							errors = errors !== null && errors !== void 0 ? errors : [];
							if (err instanceof UnsubscriptionError) errors = __spreadArray(__spreadArray([], __read(errors)), __read(err.errors));
							else errors.push(err);
						}
					}
				} catch (e_2_1) {
					e_2 = { error: e_2_1 };
				} finally {
					try {
						if (_finalizers_1_1 && !_finalizers_1_1.done && (_b = _finalizers_1.return)) _b.call(_finalizers_1);
					} finally {
						if (e_2) throw e_2.error;
					}
				}
			}
			if (errors) throw new UnsubscriptionError(errors);
		}
	};
	Subscription.prototype.add = function(teardown) {
		var _a;
		if (teardown && teardown !== this) {
			if (this.closed) execFinalizer(teardown);
			else {
				if (teardown instanceof Subscription) {
					if (teardown.closed || teardown._hasParent(this)) return;
					teardown._addParent(this);
				}
				(this._finalizers = (_a = this._finalizers) !== null && _a !== void 0 ? _a : []).push(teardown);
			}
		}
	};
	Subscription.prototype._hasParent = function(parent) {
		var _parentage = this._parentage;
		return _parentage === parent || Array.isArray(_parentage) && _parentage.includes(parent);
	};
	Subscription.prototype._addParent = function(parent) {
		var _parentage = this._parentage;
		this._parentage = Array.isArray(_parentage) ? (_parentage.push(parent), _parentage) : _parentage ? [_parentage, parent] : parent;
	};
	Subscription.prototype._removeParent = function(parent) {
		var _parentage = this._parentage;
		if (_parentage === parent) this._parentage = null;
		else if (Array.isArray(_parentage)) arrRemove(_parentage, parent);
	};
	Subscription.prototype.remove = function(teardown) {
		var _finalizers = this._finalizers;
		_finalizers && arrRemove(_finalizers, teardown);
		if (teardown instanceof Subscription) teardown._removeParent(this);
	};
	Subscription.EMPTY = (function() {
		var empty = new Subscription();
		empty.closed = true;
		return empty;
	})();
	return Subscription;
}();
var EMPTY_SUBSCRIPTION = Subscription.EMPTY;
function isSubscription(value) {
	return value instanceof Subscription || value && "closed" in value && isFunction(value.remove) && isFunction(value.add) && isFunction(value.unsubscribe);
}
function execFinalizer(finalizer) {
	if (isFunction(finalizer)) finalizer();
	else finalizer.unsubscribe();
}
// node_modules/rxjs/dist/esm5/internal/config.js
var config$1 = {
	onUnhandledError: null,
	onStoppedNotification: null,
	Promise: void 0,
	useDeprecatedSynchronousErrorHandling: false,
	useDeprecatedNextContext: false
};
// node_modules/rxjs/dist/esm5/internal/scheduler/timeoutProvider.js
var timeoutProvider = {
	setTimeout: function(handler, timeout) {
		var args = [];
		for (var _i = 2; _i < arguments.length; _i++) args[_i - 2] = arguments[_i];
		var delegate = timeoutProvider.delegate;
		if (delegate === null || delegate === void 0 ? void 0 : delegate.setTimeout) return delegate.setTimeout.apply(delegate, __spreadArray([handler, timeout], __read(args)));
		return setTimeout.apply(void 0, __spreadArray([handler, timeout], __read(args)));
	},
	clearTimeout: function(handle) {
		var delegate = timeoutProvider.delegate;
		return ((delegate === null || delegate === void 0 ? void 0 : delegate.clearTimeout) || clearTimeout)(handle);
	},
	delegate: void 0
};
// node_modules/rxjs/dist/esm5/internal/util/reportUnhandledError.js
function reportUnhandledError(err) {
	timeoutProvider.setTimeout(function() {
		var onUnhandledError = config$1.onUnhandledError;
		if (onUnhandledError) onUnhandledError(err);
		else throw err;
	});
}
// node_modules/rxjs/dist/esm5/internal/util/noop.js
function noop() {}
// node_modules/rxjs/dist/esm5/internal/NotificationFactories.js
var COMPLETE_NOTIFICATION = (function() {
	return createNotification("C", void 0, void 0);
})();
function errorNotification(error) {
	return createNotification("E", void 0, error);
}
function nextNotification(value) {
	return createNotification("N", value, void 0);
}
function createNotification(kind, value, error) {
	return {
		kind,
		value,
		error
	};
}
// node_modules/rxjs/dist/esm5/internal/util/errorContext.js
var context$1 = null;
function errorContext(cb) {
	if (config$1.useDeprecatedSynchronousErrorHandling) {
		var isRoot = !context$1;
		if (isRoot) context$1 = {
			errorThrown: false,
			error: null
		};
		cb();
		if (isRoot) {
			var _a = context$1, errorThrown = _a.errorThrown, error = _a.error;
			context$1 = null;
			if (errorThrown) throw error;
		}
	} else cb();
}
function captureError(err) {
	if (config$1.useDeprecatedSynchronousErrorHandling && context$1) {
		context$1.errorThrown = true;
		context$1.error = err;
	}
}
// node_modules/rxjs/dist/esm5/internal/Subscriber.js
var Subscriber = function(_super) {
	__extends(Subscriber, _super);
	function Subscriber(destination) {
		var _this = _super.call(this) || this;
		_this.isStopped = false;
		if (destination) {
			_this.destination = destination;
			if (isSubscription(destination)) destination.add(_this);
		} else _this.destination = EMPTY_OBSERVER;
		return _this;
	}
	Subscriber.create = function(next, error, complete) {
		return new SafeSubscriber(next, error, complete);
	};
	Subscriber.prototype.next = function(value) {
		if (this.isStopped) handleStoppedNotification(nextNotification(value), this);
		else this._next(value);
	};
	Subscriber.prototype.error = function(err) {
		if (this.isStopped) handleStoppedNotification(errorNotification(err), this);
		else {
			this.isStopped = true;
			this._error(err);
		}
	};
	Subscriber.prototype.complete = function() {
		if (this.isStopped) handleStoppedNotification(COMPLETE_NOTIFICATION, this);
		else {
			this.isStopped = true;
			this._complete();
		}
	};
	Subscriber.prototype.unsubscribe = function() {
		if (!this.closed) {
			this.isStopped = true;
			_super.prototype.unsubscribe.call(this);
			this.destination = null;
		}
	};
	Subscriber.prototype._next = function(value) {
		this.destination.next(value);
	};
	Subscriber.prototype._error = function(err) {
		try {
			this.destination.error(err);
		} finally {
			this.unsubscribe();
		}
	};
	Subscriber.prototype._complete = function() {
		try {
			this.destination.complete();
		} finally {
			this.unsubscribe();
		}
	};
	return Subscriber;
}(Subscription);
var _bind = Function.prototype.bind;
function bind$1(fn, thisArg) {
	return _bind.call(fn, thisArg);
}
var ConsumerObserver = function() {
	function ConsumerObserver(partialObserver) {
		this.partialObserver = partialObserver;
	}
	ConsumerObserver.prototype.next = function(value) {
		var partialObserver = this.partialObserver;
		if (partialObserver.next) try {
			partialObserver.next(value);
		} catch (error) {
			handleUnhandledError(error);
		}
	};
	ConsumerObserver.prototype.error = function(err) {
		var partialObserver = this.partialObserver;
		if (partialObserver.error) try {
			partialObserver.error(err);
		} catch (error) {
			handleUnhandledError(error);
		}
		else handleUnhandledError(err);
	};
	ConsumerObserver.prototype.complete = function() {
		var partialObserver = this.partialObserver;
		if (partialObserver.complete) try {
			partialObserver.complete();
		} catch (error) {
			handleUnhandledError(error);
		}
	};
	return ConsumerObserver;
}();
var SafeSubscriber = function(_super) {
	__extends(SafeSubscriber, _super);
	function SafeSubscriber(observerOrNext, error, complete) {
		var _this = _super.call(this) || this;
		var partialObserver;
		if (isFunction(observerOrNext) || !observerOrNext) partialObserver = {
			next: observerOrNext !== null && observerOrNext !== void 0 ? observerOrNext : void 0,
			error: error !== null && error !== void 0 ? error : void 0,
			complete: complete !== null && complete !== void 0 ? complete : void 0
		};
		else {
			var context_1;
			if (_this && config$1.useDeprecatedNextContext) {
				context_1 = Object.create(observerOrNext);
				context_1.unsubscribe = function() {
					return _this.unsubscribe();
				};
				partialObserver = {
					next: observerOrNext.next && bind$1(observerOrNext.next, context_1),
					error: observerOrNext.error && bind$1(observerOrNext.error, context_1),
					complete: observerOrNext.complete && bind$1(observerOrNext.complete, context_1)
				};
			} else partialObserver = observerOrNext;
		}
		_this.destination = new ConsumerObserver(partialObserver);
		return _this;
	}
	return SafeSubscriber;
}(Subscriber);
function handleUnhandledError(error) {
	if (config$1.useDeprecatedSynchronousErrorHandling) captureError(error);
	else reportUnhandledError(error);
}
function defaultErrorHandler(err) {
	throw err;
}
function handleStoppedNotification(notification, subscriber) {
	var onStoppedNotification = config$1.onStoppedNotification;
	onStoppedNotification && timeoutProvider.setTimeout(function() {
		return onStoppedNotification(notification, subscriber);
	});
}
var EMPTY_OBSERVER = {
	closed: true,
	next: noop,
	error: defaultErrorHandler,
	complete: noop
};
// node_modules/rxjs/dist/esm5/internal/symbol/observable.js
var observable = (function() {
	return typeof Symbol === "function" && Symbol.observable || "@@observable";
})();
// node_modules/rxjs/dist/esm5/internal/util/identity.js
function identity(x) {
	return x;
}
// node_modules/rxjs/dist/esm5/internal/util/pipe.js
function pipeFromArray(fns) {
	if (fns.length === 0) return identity;
	if (fns.length === 1) return fns[0];
	return function piped(input) {
		return fns.reduce(function(prev, fn) {
			return fn(prev);
		}, input);
	};
}
// node_modules/rxjs/dist/esm5/internal/Observable.js
var Observable = function() {
	function Observable(subscribe) {
		if (subscribe) this._subscribe = subscribe;
	}
	Observable.prototype.lift = function(operator) {
		var observable = new Observable();
		observable.source = this;
		observable.operator = operator;
		return observable;
	};
	Observable.prototype.subscribe = function(observerOrNext, error, complete) {
		var _this = this;
		var subscriber = isSubscriber(observerOrNext) ? observerOrNext : new SafeSubscriber(observerOrNext, error, complete);
		errorContext(function() {
			var _a = _this, operator = _a.operator, source = _a.source;
			subscriber.add(operator ? operator.call(subscriber, source) : source ? _this._subscribe(subscriber) : _this._trySubscribe(subscriber));
		});
		return subscriber;
	};
	Observable.prototype._trySubscribe = function(sink) {
		try {
			return this._subscribe(sink);
		} catch (err) {
			sink.error(err);
		}
	};
	Observable.prototype.forEach = function(next, promiseCtor) {
		var _this = this;
		promiseCtor = getPromiseCtor(promiseCtor);
		return new promiseCtor(function(resolve, reject) {
			var subscriber = new SafeSubscriber({
				next: function(value) {
					try {
						next(value);
					} catch (err) {
						reject(err);
						subscriber.unsubscribe();
					}
				},
				error: reject,
				complete: resolve
			});
			_this.subscribe(subscriber);
		});
	};
	Observable.prototype._subscribe = function(subscriber) {
		var _a;
		return (_a = this.source) === null || _a === void 0 ? void 0 : _a.subscribe(subscriber);
	};
	Observable.prototype[observable] = function() {
		return this;
	};
	Observable.prototype.pipe = function() {
		var operations = [];
		for (var _i = 0; _i < arguments.length; _i++) operations[_i] = arguments[_i];
		return pipeFromArray(operations)(this);
	};
	Observable.prototype.toPromise = function(promiseCtor) {
		var _this = this;
		promiseCtor = getPromiseCtor(promiseCtor);
		return new promiseCtor(function(resolve, reject) {
			var value;
			_this.subscribe(function(x) {
				return value = x;
			}, function(err) {
				return reject(err);
			}, function() {
				return resolve(value);
			});
		});
	};
	Observable.create = function(subscribe) {
		return new Observable(subscribe);
	};
	return Observable;
}();
function getPromiseCtor(promiseCtor) {
	var _a;
	return (_a = promiseCtor !== null && promiseCtor !== void 0 ? promiseCtor : config$1.Promise) !== null && _a !== void 0 ? _a : Promise;
}
function isObserver(value) {
	return value && isFunction(value.next) && isFunction(value.error) && isFunction(value.complete);
}
function isSubscriber(value) {
	return value && value instanceof Subscriber || isObserver(value) && isSubscription(value);
}
// node_modules/rxjs/dist/esm5/internal/util/lift.js
function hasLift(source) {
	return isFunction(source === null || source === void 0 ? void 0 : source.lift);
}
function operate(init) {
	return function(source) {
		if (hasLift(source)) return source.lift(function(liftedSource) {
			try {
				return init(liftedSource, this);
			} catch (err) {
				this.error(err);
			}
		});
		throw new TypeError("Unable to lift unknown Observable type");
	};
}
// node_modules/rxjs/dist/esm5/internal/operators/OperatorSubscriber.js
function createOperatorSubscriber(destination, onNext, onComplete, onError, onFinalize) {
	return new OperatorSubscriber(destination, onNext, onComplete, onError, onFinalize);
}
var OperatorSubscriber = function(_super) {
	__extends(OperatorSubscriber, _super);
	function OperatorSubscriber(destination, onNext, onComplete, onError, onFinalize, shouldUnsubscribe) {
		var _this = _super.call(this, destination) || this;
		_this.onFinalize = onFinalize;
		_this.shouldUnsubscribe = shouldUnsubscribe;
		_this._next = onNext ? function(value) {
			try {
				onNext(value);
			} catch (err) {
				destination.error(err);
			}
		} : _super.prototype._next;
		_this._error = onError ? function(err) {
			try {
				onError(err);
			} catch (err) {
				destination.error(err);
			} finally {
				this.unsubscribe();
			}
		} : _super.prototype._error;
		_this._complete = onComplete ? function() {
			try {
				onComplete();
			} catch (err) {
				destination.error(err);
			} finally {
				this.unsubscribe();
			}
		} : _super.prototype._complete;
		return _this;
	}
	OperatorSubscriber.prototype.unsubscribe = function() {
		var _a;
		if (!this.shouldUnsubscribe || this.shouldUnsubscribe()) {
			var closed_1 = this.closed;
			_super.prototype.unsubscribe.call(this);
			!closed_1 && ((_a = this.onFinalize) === null || _a === void 0 || _a.call(this));
		}
	};
	return OperatorSubscriber;
}(Subscriber);
// node_modules/rxjs/dist/esm5/internal/util/ObjectUnsubscribedError.js
var ObjectUnsubscribedError = createErrorClass(function(_super) {
	return function ObjectUnsubscribedErrorImpl() {
		_super(this);
		this.name = "ObjectUnsubscribedError";
		this.message = "object unsubscribed";
	};
});
// node_modules/rxjs/dist/esm5/internal/Subject.js
var Subject = function(_super) {
	__extends(Subject, _super);
	function Subject() {
		var _this = _super.call(this) || this;
		_this.closed = false;
		_this.currentObservers = null;
		_this.observers = [];
		_this.isStopped = false;
		_this.hasError = false;
		_this.thrownError = null;
		return _this;
	}
	Subject.prototype.lift = function(operator) {
		var subject = new AnonymousSubject(this, this);
		subject.operator = operator;
		return subject;
	};
	Subject.prototype._throwIfClosed = function() {
		if (this.closed) throw new ObjectUnsubscribedError();
	};
	Subject.prototype.next = function(value) {
		var _this = this;
		errorContext(function() {
			var e_1, _a;
			_this._throwIfClosed();
			if (!_this.isStopped) {
				if (!_this.currentObservers) _this.currentObservers = Array.from(_this.observers);
				try {
					for (var _b = __values(_this.currentObservers), _c = _b.next(); !_c.done; _c = _b.next()) _c.value.next(value);
				} catch (e_1_1) {
					e_1 = { error: e_1_1 };
				} finally {
					try {
						if (_c && !_c.done && (_a = _b.return)) _a.call(_b);
					} finally {
						if (e_1) throw e_1.error;
					}
				}
			}
		});
	};
	Subject.prototype.error = function(err) {
		var _this = this;
		errorContext(function() {
			_this._throwIfClosed();
			if (!_this.isStopped) {
				_this.hasError = _this.isStopped = true;
				_this.thrownError = err;
				var observers = _this.observers;
				while (observers.length) observers.shift().error(err);
			}
		});
	};
	Subject.prototype.complete = function() {
		var _this = this;
		errorContext(function() {
			_this._throwIfClosed();
			if (!_this.isStopped) {
				_this.isStopped = true;
				var observers = _this.observers;
				while (observers.length) observers.shift().complete();
			}
		});
	};
	Subject.prototype.unsubscribe = function() {
		this.isStopped = this.closed = true;
		this.observers = this.currentObservers = null;
	};
	Object.defineProperty(Subject.prototype, "observed", {
		get: function() {
			var _a;
			return ((_a = this.observers) === null || _a === void 0 ? void 0 : _a.length) > 0;
		},
		enumerable: false,
		configurable: true
	});
	Subject.prototype._trySubscribe = function(subscriber) {
		this._throwIfClosed();
		return _super.prototype._trySubscribe.call(this, subscriber);
	};
	Subject.prototype._subscribe = function(subscriber) {
		this._throwIfClosed();
		this._checkFinalizedStatuses(subscriber);
		return this._innerSubscribe(subscriber);
	};
	Subject.prototype._innerSubscribe = function(subscriber) {
		var _this = this;
		var _a = this, hasError = _a.hasError, isStopped = _a.isStopped, observers = _a.observers;
		if (hasError || isStopped) return EMPTY_SUBSCRIPTION;
		this.currentObservers = null;
		observers.push(subscriber);
		return new Subscription(function() {
			_this.currentObservers = null;
			arrRemove(observers, subscriber);
		});
	};
	Subject.prototype._checkFinalizedStatuses = function(subscriber) {
		var _a = this, hasError = _a.hasError, thrownError = _a.thrownError, isStopped = _a.isStopped;
		if (hasError) subscriber.error(thrownError);
		else if (isStopped) subscriber.complete();
	};
	Subject.prototype.asObservable = function() {
		var observable = new Observable();
		observable.source = this;
		return observable;
	};
	Subject.create = function(destination, source) {
		return new AnonymousSubject(destination, source);
	};
	return Subject;
}(Observable);
var AnonymousSubject = function(_super) {
	__extends(AnonymousSubject, _super);
	function AnonymousSubject(destination, source) {
		var _this = _super.call(this) || this;
		_this.destination = destination;
		_this.source = source;
		return _this;
	}
	AnonymousSubject.prototype.next = function(value) {
		var _a, _b;
		(_b = (_a = this.destination) === null || _a === void 0 ? void 0 : _a.next) === null || _b === void 0 || _b.call(_a, value);
	};
	AnonymousSubject.prototype.error = function(err) {
		var _a, _b;
		(_b = (_a = this.destination) === null || _a === void 0 ? void 0 : _a.error) === null || _b === void 0 || _b.call(_a, err);
	};
	AnonymousSubject.prototype.complete = function() {
		var _a, _b;
		(_b = (_a = this.destination) === null || _a === void 0 ? void 0 : _a.complete) === null || _b === void 0 || _b.call(_a);
	};
	AnonymousSubject.prototype._subscribe = function(subscriber) {
		var _a, _b;
		return (_b = (_a = this.source) === null || _a === void 0 ? void 0 : _a.subscribe(subscriber)) !== null && _b !== void 0 ? _b : EMPTY_SUBSCRIPTION;
	};
	return AnonymousSubject;
}(Subject);
// node_modules/rxjs/dist/esm5/internal/BehaviorSubject.js
var BehaviorSubject = function(_super) {
	__extends(BehaviorSubject, _super);
	function BehaviorSubject(_value) {
		var _this = _super.call(this) || this;
		_this._value = _value;
		return _this;
	}
	Object.defineProperty(BehaviorSubject.prototype, "value", {
		get: function() {
			return this.getValue();
		},
		enumerable: false,
		configurable: true
	});
	BehaviorSubject.prototype._subscribe = function(subscriber) {
		var subscription = _super.prototype._subscribe.call(this, subscriber);
		!subscription.closed && subscriber.next(this._value);
		return subscription;
	};
	BehaviorSubject.prototype.getValue = function() {
		var _a = this, hasError = _a.hasError, thrownError = _a.thrownError, _value = _a._value;
		if (hasError) throw thrownError;
		this._throwIfClosed();
		return _value;
	};
	BehaviorSubject.prototype.next = function(value) {
		_super.prototype.next.call(this, this._value = value);
	};
	return BehaviorSubject;
}(Subject);
// node_modules/rxjs/dist/esm5/internal/scheduler/dateTimestampProvider.js
var dateTimestampProvider = {
	now: function() {
		return (dateTimestampProvider.delegate || Date).now();
	},
	delegate: void 0
};
// node_modules/rxjs/dist/esm5/internal/ReplaySubject.js
var ReplaySubject = function(_super) {
	__extends(ReplaySubject, _super);
	function ReplaySubject(_bufferSize, _windowTime, _timestampProvider) {
		if (_bufferSize === void 0) _bufferSize = Infinity;
		if (_windowTime === void 0) _windowTime = Infinity;
		if (_timestampProvider === void 0) _timestampProvider = dateTimestampProvider;
		var _this = _super.call(this) || this;
		_this._bufferSize = _bufferSize;
		_this._windowTime = _windowTime;
		_this._timestampProvider = _timestampProvider;
		_this._buffer = [];
		_this._infiniteTimeWindow = true;
		_this._infiniteTimeWindow = _windowTime === Infinity;
		_this._bufferSize = Math.max(1, _bufferSize);
		_this._windowTime = Math.max(1, _windowTime);
		return _this;
	}
	ReplaySubject.prototype.next = function(value) {
		var _a = this, isStopped = _a.isStopped, _buffer = _a._buffer, _infiniteTimeWindow = _a._infiniteTimeWindow, _timestampProvider = _a._timestampProvider, _windowTime = _a._windowTime;
		if (!isStopped) {
			_buffer.push(value);
			!_infiniteTimeWindow && _buffer.push(_timestampProvider.now() + _windowTime);
		}
		this._trimBuffer();
		_super.prototype.next.call(this, value);
	};
	ReplaySubject.prototype._subscribe = function(subscriber) {
		this._throwIfClosed();
		this._trimBuffer();
		var subscription = this._innerSubscribe(subscriber);
		var _a = this, _infiniteTimeWindow = _a._infiniteTimeWindow;
		var copy = _a._buffer.slice();
		for (var i = 0; i < copy.length && !subscriber.closed; i += _infiniteTimeWindow ? 1 : 2) subscriber.next(copy[i]);
		this._checkFinalizedStatuses(subscriber);
		return subscription;
	};
	ReplaySubject.prototype._trimBuffer = function() {
		var _a = this, _bufferSize = _a._bufferSize, _timestampProvider = _a._timestampProvider, _buffer = _a._buffer, _infiniteTimeWindow = _a._infiniteTimeWindow;
		var adjustedBufferSize = (_infiniteTimeWindow ? 1 : 2) * _bufferSize;
		_bufferSize < Infinity && adjustedBufferSize < _buffer.length && _buffer.splice(0, _buffer.length - adjustedBufferSize);
		if (!_infiniteTimeWindow) {
			var now = _timestampProvider.now();
			var last = 0;
			for (var i = 1; i < _buffer.length && _buffer[i] <= now; i += 2) last = i;
			last && _buffer.splice(0, last + 1);
		}
	};
	return ReplaySubject;
}(Subject);
// node_modules/rxjs/dist/esm5/internal/scheduler/Action.js
var Action = function(_super) {
	__extends(Action, _super);
	function Action(scheduler, work) {
		return _super.call(this) || this;
	}
	Action.prototype.schedule = function(state, delay) {
		if (delay === void 0) delay = 0;
		return this;
	};
	return Action;
}(Subscription);
// node_modules/rxjs/dist/esm5/internal/scheduler/intervalProvider.js
var intervalProvider = {
	setInterval: function(handler, timeout) {
		var args = [];
		for (var _i = 2; _i < arguments.length; _i++) args[_i - 2] = arguments[_i];
		var delegate = intervalProvider.delegate;
		if (delegate === null || delegate === void 0 ? void 0 : delegate.setInterval) return delegate.setInterval.apply(delegate, __spreadArray([handler, timeout], __read(args)));
		return setInterval.apply(void 0, __spreadArray([handler, timeout], __read(args)));
	},
	clearInterval: function(handle) {
		var delegate = intervalProvider.delegate;
		return ((delegate === null || delegate === void 0 ? void 0 : delegate.clearInterval) || clearInterval)(handle);
	},
	delegate: void 0
};
// node_modules/rxjs/dist/esm5/internal/scheduler/AsyncAction.js
var AsyncAction = function(_super) {
	__extends(AsyncAction, _super);
	function AsyncAction(scheduler, work) {
		var _this = _super.call(this, scheduler, work) || this;
		_this.scheduler = scheduler;
		_this.work = work;
		_this.pending = false;
		return _this;
	}
	AsyncAction.prototype.schedule = function(state, delay) {
		var _a;
		if (delay === void 0) delay = 0;
		if (this.closed) return this;
		this.state = state;
		var id = this.id;
		var scheduler = this.scheduler;
		if (id != null) this.id = this.recycleAsyncId(scheduler, id, delay);
		this.pending = true;
		this.delay = delay;
		this.id = (_a = this.id) !== null && _a !== void 0 ? _a : this.requestAsyncId(scheduler, this.id, delay);
		return this;
	};
	AsyncAction.prototype.requestAsyncId = function(scheduler, _id, delay) {
		if (delay === void 0) delay = 0;
		return intervalProvider.setInterval(scheduler.flush.bind(scheduler, this), delay);
	};
	AsyncAction.prototype.recycleAsyncId = function(_scheduler, id, delay) {
		if (delay === void 0) delay = 0;
		if (delay != null && this.delay === delay && this.pending === false) return id;
		if (id != null) intervalProvider.clearInterval(id);
	};
	AsyncAction.prototype.execute = function(state, delay) {
		if (this.closed) return /* @__PURE__ */ new Error("executing a cancelled action");
		this.pending = false;
		var error = this._execute(state, delay);
		if (error) return error;
		else if (this.pending === false && this.id != null) this.id = this.recycleAsyncId(this.scheduler, this.id, null);
	};
	AsyncAction.prototype._execute = function(state, _delay) {
		var errored = false;
		var errorValue;
		try {
			this.work(state);
		} catch (e) {
			errored = true;
			errorValue = e ? e : /* @__PURE__ */ new Error("Scheduled action threw falsy error");
		}
		if (errored) {
			this.unsubscribe();
			return errorValue;
		}
	};
	AsyncAction.prototype.unsubscribe = function() {
		if (!this.closed) {
			var _a = this, id = _a.id, scheduler = _a.scheduler;
			var actions = scheduler.actions;
			this.work = this.state = this.scheduler = null;
			this.pending = false;
			arrRemove(actions, this);
			if (id != null) this.id = this.recycleAsyncId(scheduler, id, null);
			this.delay = null;
			_super.prototype.unsubscribe.call(this);
		}
	};
	return AsyncAction;
}(Action);
// node_modules/rxjs/dist/esm5/internal/Scheduler.js
var Scheduler = function() {
	function Scheduler(schedulerActionCtor, now) {
		if (now === void 0) now = Scheduler.now;
		this.schedulerActionCtor = schedulerActionCtor;
		this.now = now;
	}
	Scheduler.prototype.schedule = function(work, delay, state) {
		if (delay === void 0) delay = 0;
		return new this.schedulerActionCtor(this, work).schedule(state, delay);
	};
	Scheduler.now = dateTimestampProvider.now;
	return Scheduler;
}();
// node_modules/rxjs/dist/esm5/internal/scheduler/async.js
var asyncScheduler = new (function(_super) {
	__extends(AsyncScheduler, _super);
	function AsyncScheduler(SchedulerAction, now) {
		if (now === void 0) now = Scheduler.now;
		var _this = _super.call(this, SchedulerAction, now) || this;
		_this.actions = [];
		_this._active = false;
		return _this;
	}
	AsyncScheduler.prototype.flush = function(action) {
		var actions = this.actions;
		if (this._active) {
			actions.push(action);
			return;
		}
		var error;
		this._active = true;
		do
			if (error = action.execute(action.state, action.delay)) break;
		while (action = actions.shift());
		this._active = false;
		if (error) {
			while (action = actions.shift()) action.unsubscribe();
			throw error;
		}
	};
	return AsyncScheduler;
}(Scheduler))(AsyncAction);
var async = asyncScheduler;
// node_modules/rxjs/dist/esm5/internal/observable/empty.js
var EMPTY$1 = new Observable(function(subscriber) {
	return subscriber.complete();
});
// node_modules/rxjs/dist/esm5/internal/util/isScheduler.js
function isScheduler(value) {
	return value && isFunction(value.schedule);
}
// node_modules/rxjs/dist/esm5/internal/util/args.js
function last(arr) {
	return arr[arr.length - 1];
}
function popResultSelector(args) {
	return isFunction(last(args)) ? args.pop() : void 0;
}
function popScheduler(args) {
	return isScheduler(last(args)) ? args.pop() : void 0;
}
function popNumber(args, defaultValue) {
	return typeof last(args) === "number" ? args.pop() : defaultValue;
}
// node_modules/rxjs/dist/esm5/internal/util/isArrayLike.js
var isArrayLike = (function(x) {
	return x && typeof x.length === "number" && typeof x !== "function";
});
// node_modules/rxjs/dist/esm5/internal/util/isPromise.js
function isPromise$1(value) {
	return isFunction(value === null || value === void 0 ? void 0 : value.then);
}
// node_modules/rxjs/dist/esm5/internal/util/isInteropObservable.js
function isInteropObservable(input) {
	return isFunction(input[observable]);
}
// node_modules/rxjs/dist/esm5/internal/util/isAsyncIterable.js
function isAsyncIterable(obj) {
	return Symbol.asyncIterator && isFunction(obj === null || obj === void 0 ? void 0 : obj[Symbol.asyncIterator]);
}
// node_modules/rxjs/dist/esm5/internal/util/throwUnobservableError.js
function createInvalidObservableTypeError(input) {
	return /* @__PURE__ */ new TypeError("You provided " + (input !== null && typeof input === "object" ? "an invalid object" : "'" + input + "'") + " where a stream was expected. You can provide an Observable, Promise, ReadableStream, Array, AsyncIterable, or Iterable.");
}
// node_modules/rxjs/dist/esm5/internal/symbol/iterator.js
function getSymbolIterator() {
	if (typeof Symbol !== "function" || !Symbol.iterator) return "@@iterator";
	return Symbol.iterator;
}
var iterator = getSymbolIterator();
// node_modules/rxjs/dist/esm5/internal/util/isIterable.js
function isIterable$1(input) {
	return isFunction(input === null || input === void 0 ? void 0 : input[iterator]);
}
// node_modules/rxjs/dist/esm5/internal/util/isReadableStreamLike.js
function readableStreamLikeToAsyncGenerator(readableStream) {
	return __asyncGenerator(this, arguments, function readableStreamLikeToAsyncGenerator_1() {
		var reader, _a, value, done;
		return __generator(this, function(_b) {
			switch (_b.label) {
				case 0:
					reader = readableStream.getReader();
					_b.label = 1;
				case 1:
					_b.trys.push([
						1,
						,
						9,
						10
					]);
					_b.label = 2;
				case 2: return [4, __await(reader.read())];
				case 3:
					_a = _b.sent(), value = _a.value, done = _a.done;
					if (!done) return [3, 5];
					return [4, __await(void 0)];
				case 4: return [2, _b.sent()];
				case 5: return [4, __await(value)];
				case 6: return [4, _b.sent()];
				case 7:
					_b.sent();
					return [3, 2];
				case 8: return [3, 10];
				case 9:
					reader.releaseLock();
					return [7];
				case 10: return [2];
			}
		});
	});
}
function isReadableStreamLike(obj) {
	return isFunction(obj === null || obj === void 0 ? void 0 : obj.getReader);
}
// node_modules/rxjs/dist/esm5/internal/observable/innerFrom.js
function innerFrom(input) {
	if (input instanceof Observable) return input;
	if (input != null) {
		if (isInteropObservable(input)) return fromInteropObservable(input);
		if (isArrayLike(input)) return fromArrayLike(input);
		if (isPromise$1(input)) return fromPromise(input);
		if (isAsyncIterable(input)) return fromAsyncIterable(input);
		if (isIterable$1(input)) return fromIterable(input);
		if (isReadableStreamLike(input)) return fromReadableStreamLike(input);
	}
	throw createInvalidObservableTypeError(input);
}
function fromInteropObservable(obj) {
	return new Observable(function(subscriber) {
		var obs = obj[observable]();
		if (isFunction(obs.subscribe)) return obs.subscribe(subscriber);
		throw new TypeError("Provided object does not correctly implement Symbol.observable");
	});
}
function fromArrayLike(array) {
	return new Observable(function(subscriber) {
		for (var i = 0; i < array.length && !subscriber.closed; i++) subscriber.next(array[i]);
		subscriber.complete();
	});
}
function fromPromise(promise) {
	return new Observable(function(subscriber) {
		promise.then(function(value) {
			if (!subscriber.closed) {
				subscriber.next(value);
				subscriber.complete();
			}
		}, function(err) {
			return subscriber.error(err);
		}).then(null, reportUnhandledError);
	});
}
function fromIterable(iterable) {
	return new Observable(function(subscriber) {
		var e_1, _a;
		try {
			for (var iterable_1 = __values(iterable), iterable_1_1 = iterable_1.next(); !iterable_1_1.done; iterable_1_1 = iterable_1.next()) {
				var value = iterable_1_1.value;
				subscriber.next(value);
				if (subscriber.closed) return;
			}
		} catch (e_1_1) {
			e_1 = { error: e_1_1 };
		} finally {
			try {
				if (iterable_1_1 && !iterable_1_1.done && (_a = iterable_1.return)) _a.call(iterable_1);
			} finally {
				if (e_1) throw e_1.error;
			}
		}
		subscriber.complete();
	});
}
function fromAsyncIterable(asyncIterable) {
	return new Observable(function(subscriber) {
		process(asyncIterable, subscriber).catch(function(err) {
			return subscriber.error(err);
		});
	});
}
function fromReadableStreamLike(readableStream) {
	return fromAsyncIterable(readableStreamLikeToAsyncGenerator(readableStream));
}
function process(asyncIterable, subscriber) {
	var asyncIterable_1, asyncIterable_1_1;
	var e_2, _a;
	return __awaiter(this, void 0, void 0, function() {
		var value, e_2_1;
		return __generator(this, function(_b) {
			switch (_b.label) {
				case 0:
					_b.trys.push([
						0,
						5,
						6,
						11
					]);
					asyncIterable_1 = __asyncValues(asyncIterable);
					_b.label = 1;
				case 1: return [4, asyncIterable_1.next()];
				case 2:
					if (!(asyncIterable_1_1 = _b.sent(), !asyncIterable_1_1.done)) return [3, 4];
					value = asyncIterable_1_1.value;
					subscriber.next(value);
					if (subscriber.closed) return [2];
					_b.label = 3;
				case 3: return [3, 1];
				case 4: return [3, 11];
				case 5:
					e_2_1 = _b.sent();
					e_2 = { error: e_2_1 };
					return [3, 11];
				case 6:
					_b.trys.push([
						6,
						,
						9,
						10
					]);
					if (!(asyncIterable_1_1 && !asyncIterable_1_1.done && (_a = asyncIterable_1.return))) return [3, 8];
					return [4, _a.call(asyncIterable_1)];
				case 7:
					_b.sent();
					_b.label = 8;
				case 8: return [3, 10];
				case 9:
					if (e_2) throw e_2.error;
					return [7];
				case 10: return [7];
				case 11:
					subscriber.complete();
					return [2];
			}
		});
	});
}
// node_modules/rxjs/dist/esm5/internal/util/executeSchedule.js
function executeSchedule(parentSubscription, scheduler, work, delay, repeat) {
	if (delay === void 0) delay = 0;
	if (repeat === void 0) repeat = false;
	var scheduleSubscription = scheduler.schedule(function() {
		work();
		if (repeat) parentSubscription.add(this.schedule(null, delay));
		else this.unsubscribe();
	}, delay);
	parentSubscription.add(scheduleSubscription);
	if (!repeat) return scheduleSubscription;
}
// node_modules/rxjs/dist/esm5/internal/operators/observeOn.js
function observeOn(scheduler, delay) {
	if (delay === void 0) delay = 0;
	return operate(function(source, subscriber) {
		source.subscribe(createOperatorSubscriber(subscriber, function(value) {
			return executeSchedule(subscriber, scheduler, function() {
				return subscriber.next(value);
			}, delay);
		}, function() {
			return executeSchedule(subscriber, scheduler, function() {
				return subscriber.complete();
			}, delay);
		}, function(err) {
			return executeSchedule(subscriber, scheduler, function() {
				return subscriber.error(err);
			}, delay);
		}));
	});
}
// node_modules/rxjs/dist/esm5/internal/operators/subscribeOn.js
function subscribeOn(scheduler, delay) {
	if (delay === void 0) delay = 0;
	return operate(function(source, subscriber) {
		subscriber.add(scheduler.schedule(function() {
			return source.subscribe(subscriber);
		}, delay));
	});
}
// node_modules/rxjs/dist/esm5/internal/scheduled/scheduleObservable.js
function scheduleObservable(input, scheduler) {
	return innerFrom(input).pipe(subscribeOn(scheduler), observeOn(scheduler));
}
// node_modules/rxjs/dist/esm5/internal/scheduled/schedulePromise.js
function schedulePromise(input, scheduler) {
	return innerFrom(input).pipe(subscribeOn(scheduler), observeOn(scheduler));
}
// node_modules/rxjs/dist/esm5/internal/scheduled/scheduleArray.js
function scheduleArray(input, scheduler) {
	return new Observable(function(subscriber) {
		var i = 0;
		return scheduler.schedule(function() {
			if (i === input.length) subscriber.complete();
			else {
				subscriber.next(input[i++]);
				if (!subscriber.closed) this.schedule();
			}
		});
	});
}
// node_modules/rxjs/dist/esm5/internal/scheduled/scheduleIterable.js
function scheduleIterable(input, scheduler) {
	return new Observable(function(subscriber) {
		var iterator$1;
		executeSchedule(subscriber, scheduler, function() {
			iterator$1 = input[iterator]();
			executeSchedule(subscriber, scheduler, function() {
				var _a;
				var value;
				var done;
				try {
					_a = iterator$1.next(), value = _a.value, done = _a.done;
				} catch (err) {
					subscriber.error(err);
					return;
				}
				if (done) subscriber.complete();
				else subscriber.next(value);
			}, 0, true);
		});
		return function() {
			return isFunction(iterator$1 === null || iterator$1 === void 0 ? void 0 : iterator$1.return) && iterator$1.return();
		};
	});
}
// node_modules/rxjs/dist/esm5/internal/scheduled/scheduleAsyncIterable.js
function scheduleAsyncIterable(input, scheduler) {
	if (!input) throw new Error("Iterable cannot be null");
	return new Observable(function(subscriber) {
		executeSchedule(subscriber, scheduler, function() {
			var iterator = input[Symbol.asyncIterator]();
			executeSchedule(subscriber, scheduler, function() {
				iterator.next().then(function(result) {
					if (result.done) subscriber.complete();
					else subscriber.next(result.value);
				});
			}, 0, true);
		});
	});
}
// node_modules/rxjs/dist/esm5/internal/scheduled/scheduleReadableStreamLike.js
function scheduleReadableStreamLike(input, scheduler) {
	return scheduleAsyncIterable(readableStreamLikeToAsyncGenerator(input), scheduler);
}
// node_modules/rxjs/dist/esm5/internal/scheduled/scheduled.js
function scheduled(input, scheduler) {
	if (input != null) {
		if (isInteropObservable(input)) return scheduleObservable(input, scheduler);
		if (isArrayLike(input)) return scheduleArray(input, scheduler);
		if (isPromise$1(input)) return schedulePromise(input, scheduler);
		if (isAsyncIterable(input)) return scheduleAsyncIterable(input, scheduler);
		if (isIterable$1(input)) return scheduleIterable(input, scheduler);
		if (isReadableStreamLike(input)) return scheduleReadableStreamLike(input, scheduler);
	}
	throw createInvalidObservableTypeError(input);
}
// node_modules/rxjs/dist/esm5/internal/observable/from.js
function from(input, scheduler) {
	return scheduler ? scheduled(input, scheduler) : innerFrom(input);
}
// node_modules/rxjs/dist/esm5/internal/observable/of.js
function of() {
	var args = [];
	for (var _i = 0; _i < arguments.length; _i++) args[_i] = arguments[_i];
	return from(args, popScheduler(args));
}
// node_modules/rxjs/dist/esm5/internal/util/isDate.js
function isValidDate(value) {
	return value instanceof Date && !isNaN(value);
}
// node_modules/rxjs/dist/esm5/internal/operators/map.js
function map(project, thisArg) {
	return operate(function(source, subscriber) {
		var index = 0;
		source.subscribe(createOperatorSubscriber(subscriber, function(value) {
			subscriber.next(project.call(thisArg, value, index++));
		}));
	});
}
// node_modules/rxjs/dist/esm5/internal/operators/mergeInternals.js
function mergeInternals(source, subscriber, project, concurrent, onBeforeNext, expand, innerSubScheduler, additionalFinalizer) {
	var buffer = [];
	var active = 0;
	var index = 0;
	var isComplete = false;
	var checkComplete = function() {
		if (isComplete && !buffer.length && !active) subscriber.complete();
	};
	var outerNext = function(value) {
		return active < concurrent ? doInnerSub(value) : buffer.push(value);
	};
	var doInnerSub = function(value) {
		expand && subscriber.next(value);
		active++;
		var innerComplete = false;
		innerFrom(project(value, index++)).subscribe(createOperatorSubscriber(subscriber, function(innerValue) {
			onBeforeNext === null || onBeforeNext === void 0 || onBeforeNext(innerValue);
			if (expand) outerNext(innerValue);
			else subscriber.next(innerValue);
		}, function() {
			innerComplete = true;
		}, void 0, function() {
			if (innerComplete) try {
				active--;
				var _loop_1 = function() {
					var bufferedValue = buffer.shift();
					if (innerSubScheduler) executeSchedule(subscriber, innerSubScheduler, function() {
						return doInnerSub(bufferedValue);
					});
					else doInnerSub(bufferedValue);
				};
				while (buffer.length && active < concurrent) _loop_1();
				checkComplete();
			} catch (err) {
				subscriber.error(err);
			}
		}));
	};
	source.subscribe(createOperatorSubscriber(subscriber, outerNext, function() {
		isComplete = true;
		checkComplete();
	}));
	return function() {
		additionalFinalizer === null || additionalFinalizer === void 0 || additionalFinalizer();
	};
}
// node_modules/rxjs/dist/esm5/internal/operators/mergeMap.js
function mergeMap(project, resultSelector, concurrent) {
	if (concurrent === void 0) concurrent = Infinity;
	if (isFunction(resultSelector)) return mergeMap(function(a, i) {
		return map(function(b, ii) {
			return resultSelector(a, b, i, ii);
		})(innerFrom(project(a, i)));
	}, concurrent);
	else if (typeof resultSelector === "number") concurrent = resultSelector;
	return operate(function(source, subscriber) {
		return mergeInternals(source, subscriber, project, concurrent);
	});
}
// node_modules/rxjs/dist/esm5/internal/operators/mergeAll.js
function mergeAll(concurrent) {
	if (concurrent === void 0) concurrent = Infinity;
	return mergeMap(identity, concurrent);
}
// node_modules/rxjs/dist/esm5/internal/operators/concatAll.js
function concatAll() {
	return mergeAll(1);
}
// node_modules/rxjs/dist/esm5/internal/observable/concat.js
function concat$1() {
	var args = [];
	for (var _i = 0; _i < arguments.length; _i++) args[_i] = arguments[_i];
	return concatAll()(from(args, popScheduler(args)));
}
// node_modules/rxjs/dist/esm5/internal/observable/defer.js
function defer(observableFactory) {
	return new Observable(function(subscriber) {
		innerFrom(observableFactory()).subscribe(subscriber);
	});
}
// node_modules/rxjs/dist/esm5/internal/observable/timer.js
function timer(dueTime, intervalOrScheduler, scheduler) {
	if (dueTime === void 0) dueTime = 0;
	if (scheduler === void 0) scheduler = async;
	var intervalDuration = -1;
	if (intervalOrScheduler != null) {
		if (isScheduler(intervalOrScheduler)) scheduler = intervalOrScheduler;
		else intervalDuration = intervalOrScheduler;
	}
	return new Observable(function(subscriber) {
		var due = isValidDate(dueTime) ? +dueTime - scheduler.now() : dueTime;
		if (due < 0) due = 0;
		var n = 0;
		return scheduler.schedule(function() {
			if (!subscriber.closed) {
				subscriber.next(n++);
				if (0 <= intervalDuration) this.schedule(void 0, intervalDuration);
				else subscriber.complete();
			}
		}, due);
	});
}
// node_modules/rxjs/dist/esm5/internal/observable/merge.js
function merge$1() {
	var args = [];
	for (var _i = 0; _i < arguments.length; _i++) args[_i] = arguments[_i];
	var scheduler = popScheduler(args);
	var concurrent = popNumber(args, Infinity);
	var sources = args;
	return !sources.length ? EMPTY$1 : sources.length === 1 ? innerFrom(sources[0]) : mergeAll(concurrent)(from(sources, scheduler));
}
// node_modules/rxjs/dist/esm5/internal/operators/filter.js
function filter(predicate, thisArg) {
	return operate(function(source, subscriber) {
		var index = 0;
		source.subscribe(createOperatorSubscriber(subscriber, function(value) {
			return predicate.call(thisArg, value, index++) && subscriber.next(value);
		}));
	});
}
// node_modules/rxjs/dist/esm5/internal/operators/audit.js
function audit(durationSelector) {
	return operate(function(source, subscriber) {
		var hasValue = false;
		var lastValue = null;
		var durationSubscriber = null;
		var isComplete = false;
		var endDuration = function() {
			durationSubscriber === null || durationSubscriber === void 0 || durationSubscriber.unsubscribe();
			durationSubscriber = null;
			if (hasValue) {
				hasValue = false;
				var value = lastValue;
				lastValue = null;
				subscriber.next(value);
			}
			isComplete && subscriber.complete();
		};
		var cleanupDuration = function() {
			durationSubscriber = null;
			isComplete && subscriber.complete();
		};
		source.subscribe(createOperatorSubscriber(subscriber, function(value) {
			hasValue = true;
			lastValue = value;
			if (!durationSubscriber) innerFrom(durationSelector(value)).subscribe(durationSubscriber = createOperatorSubscriber(subscriber, endDuration, cleanupDuration));
		}, function() {
			isComplete = true;
			(!hasValue || !durationSubscriber || durationSubscriber.closed) && subscriber.complete();
		}));
	});
}
// node_modules/rxjs/dist/esm5/internal/operators/auditTime.js
function auditTime(duration, scheduler) {
	if (scheduler === void 0) scheduler = asyncScheduler;
	return audit(function() {
		return timer(duration, scheduler);
	});
}
// node_modules/rxjs/dist/esm5/internal/operators/distinctUntilChanged.js
function distinctUntilChanged(comparator, keySelector) {
	if (keySelector === void 0) keySelector = identity;
	comparator = comparator !== null && comparator !== void 0 ? comparator : defaultCompare;
	return operate(function(source, subscriber) {
		var previousKey;
		var first = true;
		source.subscribe(createOperatorSubscriber(subscriber, function(value) {
			var currentKey = keySelector(value);
			if (first || !comparator(previousKey, currentKey)) {
				first = false;
				previousKey = currentKey;
				subscriber.next(value);
			}
		}));
	});
}
function defaultCompare(a, b) {
	return a === b;
}
// node_modules/rxjs/dist/esm5/internal/operators/merge.js
function merge() {
	var args = [];
	for (var _i = 0; _i < arguments.length; _i++) args[_i] = arguments[_i];
	var scheduler = popScheduler(args);
	var concurrent = popNumber(args, Infinity);
	return operate(function(source, subscriber) {
		mergeAll(concurrent)(from(__spreadArray([source], __read(args)), scheduler)).subscribe(subscriber);
	});
}
// node_modules/rxjs/dist/esm5/internal/operators/mergeWith.js
function mergeWith() {
	var otherSources = [];
	for (var _i = 0; _i < arguments.length; _i++) otherSources[_i] = arguments[_i];
	return merge.apply(void 0, __spreadArray([], __read(otherSources)));
}
// node_modules/rxjs/dist/esm5/internal/operators/share.js
function share(options) {
	if (options === void 0) options = {};
	var _a = options.connector, connector = _a === void 0 ? function() {
		return new Subject();
	} : _a, _b = options.resetOnError, resetOnError = _b === void 0 ? true : _b, _c = options.resetOnComplete, resetOnComplete = _c === void 0 ? true : _c, _d = options.resetOnRefCountZero, resetOnRefCountZero = _d === void 0 ? true : _d;
	return function(wrapperSource) {
		var connection;
		var resetConnection;
		var subject;
		var refCount = 0;
		var hasCompleted = false;
		var hasErrored = false;
		var cancelReset = function() {
			resetConnection === null || resetConnection === void 0 || resetConnection.unsubscribe();
			resetConnection = void 0;
		};
		var reset = function() {
			cancelReset();
			connection = subject = void 0;
			hasCompleted = hasErrored = false;
		};
		var resetAndUnsubscribe = function() {
			var conn = connection;
			reset();
			conn === null || conn === void 0 || conn.unsubscribe();
		};
		return operate(function(source, subscriber) {
			refCount++;
			if (!hasErrored && !hasCompleted) cancelReset();
			var dest = subject = subject !== null && subject !== void 0 ? subject : connector();
			subscriber.add(function() {
				refCount--;
				if (refCount === 0 && !hasErrored && !hasCompleted) resetConnection = handleReset(resetAndUnsubscribe, resetOnRefCountZero);
			});
			dest.subscribe(subscriber);
			if (!connection && refCount > 0) {
				connection = new SafeSubscriber({
					next: function(value) {
						return dest.next(value);
					},
					error: function(err) {
						hasErrored = true;
						cancelReset();
						resetConnection = handleReset(reset, resetOnError, err);
						dest.error(err);
					},
					complete: function() {
						hasCompleted = true;
						cancelReset();
						resetConnection = handleReset(reset, resetOnComplete);
						dest.complete();
					}
				});
				innerFrom(source).subscribe(connection);
			}
		})(wrapperSource);
	};
}
function handleReset(reset, on) {
	var args = [];
	for (var _i = 2; _i < arguments.length; _i++) args[_i - 2] = arguments[_i];
	if (on === true) {
		reset();
		return;
	}
	if (on === false) return;
	var onSubscriber = new SafeSubscriber({ next: function() {
		onSubscriber.unsubscribe();
		reset();
	} });
	return innerFrom(on.apply(void 0, __spreadArray([], __read(args)))).subscribe(onSubscriber);
}
// node_modules/rxjs/dist/esm5/internal/operators/shareReplay.js
function shareReplay(configOrBufferSize, windowTime, scheduler) {
	var _a, _b, _c;
	var bufferSize;
	var refCount = false;
	if (configOrBufferSize && typeof configOrBufferSize === "object") _a = configOrBufferSize.bufferSize, bufferSize = _a === void 0 ? Infinity : _a, _b = configOrBufferSize.windowTime, windowTime = _b === void 0 ? Infinity : _b, _c = configOrBufferSize.refCount, refCount = _c === void 0 ? false : _c, scheduler = configOrBufferSize.scheduler;
	else bufferSize = configOrBufferSize !== null && configOrBufferSize !== void 0 ? configOrBufferSize : Infinity;
	return share({
		connector: function() {
			return new ReplaySubject(bufferSize, windowTime, scheduler);
		},
		resetOnError: true,
		resetOnComplete: false,
		resetOnRefCountZero: refCount
	});
}
// node_modules/rxjs/dist/esm5/internal/operators/startWith.js
function startWith() {
	var values = [];
	for (var _i = 0; _i < arguments.length; _i++) values[_i] = arguments[_i];
	var scheduler = popScheduler(values);
	return operate(function(source, subscriber) {
		(scheduler ? concat$1(values, source, scheduler) : concat$1(values, source)).subscribe(subscriber);
	});
}
/**
* Do not use -Infinity here because it would be
* transformed to null on JSON.stringify() which can break things
* when the query plan is sent to the storage as json.
* @link https://stackoverflow.com/a/16644751
* Notice that for IndexedDB IDBKeyRange we have
* to transform the value back to -Infinity
* before we can use it in IDBKeyRange.bound.
*/
var INDEX_MIN = Number.MIN_SAFE_INTEGER;
/**
* Returns the query plan which contains
* information about how to run the query
* and which indexes to use.
*
* This is used in some storage like Memory, dexie.js and IndexedDB.
*/
function getQueryPlan(schema, query) {
	var selector = query.selector;
	var indexes = schema.indexes ? schema.indexes.slice(0) : [];
	if (query.index) indexes = [query.index];
	/**
	* Most storages do not support descending indexes
	* so having a 'desc' in the sorting, means we always have to re-sort the results.
	*/
	var hasDescSorting = !!query.sort.find((sortField) => Object.values(sortField)[0] === "desc");
	/**
	* Some fields can be part of the selector while not being relevant for sorting
	* because their selector operators specify that in all cases all matching docs
	* would have the same value.
	* For example the boolean field _deleted or enum fields.
	* Same goes for string and number fields that are matched with $eq
	* to a string or number value.
	* @performance Not having these fields in the compare strings
	* makes it possible to use the index order as sort order
	* so that the storage does not have to re-sort the results.
	*/
	var sortIrrelevevantFields = /* @__PURE__ */ new Set();
	Object.keys(selector).forEach((fieldName) => {
		var schemaPart = getSchemaByObjectPath(schema, fieldName);
		var fieldSelector = selector[fieldName];
		if (!schemaPart || !Object.prototype.hasOwnProperty.call(fieldSelector, "$eq")) return;
		if (schemaPart.type === "boolean" || schemaPart.enum) sortIrrelevevantFields.add(fieldName);
		else if (schemaPart.type === "string" || schemaPart.type === "number" || schemaPart.type === "integer") {
			var eqValueType = typeof fieldSelector.$eq;
			if (eqValueType === "string" || eqValueType === "number") sortIrrelevevantFields.add(fieldName);
		}
	});
	var optimalSortIndexCompareString = query.sort.map((sortField) => Object.keys(sortField)[0]).filter((f) => !sortIrrelevevantFields.has(f)).join(",");
	var currentBestQuality = -1;
	var currentBestQueryPlan;
	/**
	* Calculate one query plan for each index
	* and then test which of the plans is best.
	*/
	indexes.forEach((index) => {
		var inclusiveEnd = true;
		var inclusiveStart = true;
		var opts = index.map((indexField) => {
			var matcher = selector[indexField];
			var operators = matcher ? Object.keys(matcher) : [];
			var matcherOpts = {};
			if (!matcher || !operators.length) matcherOpts = {
				startKey: inclusiveStart ? INDEX_MIN : "￿",
				endKey: inclusiveEnd ? "￿" : INDEX_MIN,
				inclusiveStart: true,
				inclusiveEnd: true
			};
			else operators.forEach((operator) => {
				if (LOGICAL_OPERATORS.has(operator)) {
					var operatorValue = matcher[operator];
					var partialOpts = getMatcherQueryOpts(operator, operatorValue);
					matcherOpts = Object.assign(matcherOpts, partialOpts);
				} else if (operator === "$in") {
					var _partialOpts = getInQueryRangeOpts(matcher[operator]);
					if (_partialOpts) matcherOpts = Object.assign(matcherOpts, _partialOpts);
				}
			});
			if (typeof matcherOpts.startKey === "undefined") matcherOpts.startKey = INDEX_MIN;
			if (typeof matcherOpts.endKey === "undefined") matcherOpts.endKey = "￿";
			if (typeof matcherOpts.inclusiveStart === "undefined") matcherOpts.inclusiveStart = true;
			if (typeof matcherOpts.inclusiveEnd === "undefined") matcherOpts.inclusiveEnd = true;
			/**
			* When a numeric bound falls outside the schema minimum/maximum,
			* getNumberIndexString() clamps it to the boundary value.
			* An exclusive bound clamped to the same string as a boundary
			* document would incorrectly exclude that document, so we
			* promote it to inclusive here.
			*/
			var schemaPart = getSchemaByObjectPath(schema, indexField);
			if (schemaPart && (schemaPart.type === "number" || schemaPart.type === "integer")) {
				if (!matcherOpts.inclusiveStart && typeof matcherOpts.startKey === "number" && typeof schemaPart.minimum === "number" && matcherOpts.startKey < schemaPart.minimum) matcherOpts.inclusiveStart = true;
				if (!matcherOpts.inclusiveEnd && typeof matcherOpts.endKey === "number" && typeof schemaPart.maximum === "number" && matcherOpts.endKey > schemaPart.maximum) matcherOpts.inclusiveEnd = true;
			}
			if (inclusiveStart && !matcherOpts.inclusiveStart) inclusiveStart = false;
			if (inclusiveEnd && !matcherOpts.inclusiveEnd) inclusiveEnd = false;
			return matcherOpts;
		});
		var startKeys = opts.map((opt) => opt.startKey);
		var endKeys = opts.map((opt) => opt.endKey);
		/**
		* Compute the index compare string once per index,
		* not inside the queryPlan object literal, to avoid
		* creating a filtered array and joining on every iteration.
		*/
		var indexCompareString;
		if (sortIrrelevevantFields.size === 0) indexCompareString = index.join(",");
		else indexCompareString = index.filter((f) => !sortIrrelevevantFields.has(f)).join(",");
		var queryPlan = {
			index,
			startKeys,
			endKeys,
			inclusiveEnd,
			inclusiveStart,
			sortSatisfiedByIndex: !hasDescSorting && optimalSortIndexCompareString === indexCompareString,
			selectorSatisfiedByIndex: isSelectorSatisfiedByIndex(index, query.selector, startKeys, endKeys)
		};
		var quality = rateQueryPlan(schema, query, queryPlan);
		if (quality >= currentBestQuality || query.index) {
			currentBestQuality = quality;
			currentBestQueryPlan = queryPlan;
		}
	});
	/**
	* In all cases and index must be found
	*/
	if (!currentBestQueryPlan) throw newRxError("SNH", { query });
	return currentBestQueryPlan;
}
var LOGICAL_OPERATORS = /* @__PURE__ */ new Set([
	"$eq",
	"$gt",
	"$gte",
	"$lt",
	"$lte"
]);
var LOWER_BOUND_LOGICAL_OPERATORS = /* @__PURE__ */ new Set([
	"$eq",
	"$gt",
	"$gte"
]);
var UPPER_BOUND_LOGICAL_OPERATORS = /* @__PURE__ */ new Set([
	"$eq",
	"$lt",
	"$lte"
]);
function isSelectorSatisfiedByIndex(index, selector, startKeys, endKeys) {
	/**
	* Not satisfied if contains $and or $or operations.
	*/
	if (selector.$and || selector.$or) return false;
	/**
	* Check all selector entries in a single pass:
	* - Ensure all fields are in the index
	* - Ensure all operators are logical
	* - Track lower/upper bound operators
	*/
	var selectorEntries = Object.entries(selector);
	var lowerOperatorFieldNames = /* @__PURE__ */ new Set();
	var upperOperatorFieldNames = /* @__PURE__ */ new Set();
	var hasNonEqLowerBound = false;
	var hasNonEqUpperBound = false;
	for (var [fieldName, operation] of selectorEntries) {
		if (!index.includes(fieldName)) return false;
		var operationKeys = Object.keys(operation);
		var lowerLogicOpCount = 0;
		var lastLowerLogicOp = void 0;
		var upperLogicOpCount = 0;
		var lastUpperLogicOp = void 0;
		for (var op of operationKeys) {
			if (!LOGICAL_OPERATORS.has(op)) return false;
			if (LOWER_BOUND_LOGICAL_OPERATORS.has(op)) {
				lowerLogicOpCount++;
				lastLowerLogicOp = op;
			}
			if (UPPER_BOUND_LOGICAL_OPERATORS.has(op)) {
				upperLogicOpCount++;
				lastUpperLogicOp = op;
			}
		}
		if (lowerLogicOpCount > 1 || upperLogicOpCount > 1) return false;
		if (lastLowerLogicOp) lowerOperatorFieldNames.add(fieldName);
		if (lastLowerLogicOp !== "$eq") {
			if (hasNonEqLowerBound) return false;
			hasNonEqLowerBound = true;
		}
		if (lastUpperLogicOp) upperOperatorFieldNames.add(fieldName);
		if (lastUpperLogicOp !== "$eq") {
			if (hasNonEqUpperBound) return false;
			hasNonEqUpperBound = true;
		}
	}
	/**
	* If the index contains a non-relevant field between
	* the relevant fields, then the index is not satisfying.
	*/
	var i = 0;
	for (var _fieldName of index) {
		for (var set of [lowerOperatorFieldNames, upperOperatorFieldNames]) {
			if (!set.has(_fieldName) && set.size > 0) return false;
			set.delete(_fieldName);
		}
		if (startKeys[i] !== endKeys[i] && lowerOperatorFieldNames.size > 0 && upperOperatorFieldNames.size > 0) return false;
		i++;
	}
	return true;
}
/**
* $in can use an index by scanning the range between the
* smallest and the largest of the given values.
* That range can contain non-matching documents, so the
* selector is never satisfied by the index alone and the
* query matcher must still filter the results.
* Only homogeneous arrays of strings or finite numbers are
* used because min/max is not defined across mixed types.
* @link https://github.com/pubkey/rxdb/issues/8631
*/
function getInQueryRangeOpts(operatorValue) {
	if (!Array.isArray(operatorValue) || operatorValue.length === 0) return;
	var valueType = typeof operatorValue[0];
	if (valueType !== "string" && valueType !== "number") return;
	var min = operatorValue[0];
	var max = operatorValue[0];
	for (var i = 0; i < operatorValue.length; i++) {
		var value = operatorValue[i];
		if (typeof value !== valueType || valueType === "number" && !isFinite(value)) return;
		if (value < min) min = value;
		if (value > max) max = value;
	}
	return {
		startKey: min,
		endKey: max,
		inclusiveStart: true,
		inclusiveEnd: true
	};
}
function getMatcherQueryOpts(operator, operatorValue) {
	switch (operator) {
		case "$eq": return {
			startKey: operatorValue,
			endKey: operatorValue,
			inclusiveEnd: true,
			inclusiveStart: true
		};
		case "$lte": return {
			endKey: operatorValue,
			inclusiveEnd: true
		};
		case "$gte": return {
			startKey: operatorValue,
			inclusiveStart: true
		};
		case "$lt": return {
			endKey: operatorValue,
			inclusiveEnd: false
		};
		case "$gt": return {
			startKey: operatorValue,
			inclusiveStart: false
		};
		default: throw newRxError("SNH");
	}
}
/**
* Returns a number that determines the quality of the query plan.
* Higher number means better query plan.
*/
function rateQueryPlan(schema, query, queryPlan) {
	var quality = 0;
	var addQuality = (value) => {
		if (value > 0) quality = quality + value;
	};
	var pointsPerMatchingKey = 10;
	addQuality(countUntilNotMatching(queryPlan.startKeys, (keyValue) => keyValue !== INDEX_MIN && keyValue !== "￿") * pointsPerMatchingKey);
	addQuality(countUntilNotMatching(queryPlan.endKeys, (keyValue) => keyValue !== "￿" && keyValue !== INDEX_MIN) * pointsPerMatchingKey);
	addQuality(countUntilNotMatching(queryPlan.startKeys, (keyValue, idx) => {
		if (keyValue === queryPlan.endKeys[idx]) return true;
		else return false;
	}) * pointsPerMatchingKey * 1.5);
	addQuality(queryPlan.sortSatisfiedByIndex ? 5 : 0);
	return quality;
}
// node_modules/mingo/esm/util/_hash.js
var MULTIPLIER = 16777619;
function mix(h, x) {
	return h * MULTIPLIER ^ x >>> 0;
}
function hashNumber(n) {
	if (Number.isNaN(n)) return 2143289344;
	if (!Number.isFinite(n)) return n > 0 ? 2139095040 : 4286578688;
	const intPart = Math.trunc(n);
	const frac = n - intPart;
	let h = intPart | 0;
	if (frac !== 0) {
		const scaled = Math.floor(frac * 4294967296);
		h = mix(h, scaled | 0);
	}
	return h >>> 0;
}
function hashString(str) {
	let h = 0;
	for (let i = 0; i < str.length; i++) h = mix(h, str.charCodeAt(i));
	return h >>> 0;
}
function hashBigInt(b) {
	let h = 0;
	const isNegative = b < 0n;
	let x = isNegative ? -b : b;
	if (x === 0n) h = mix(h, 0);
	else while (x > 0n) {
		const byte = Number(x & 255n);
		h = mix(h, byte);
		x >>= 8n;
	}
	return mix(h, +isNegative) >>> 0;
}
function hashFunction(fn) {
	let h = hashString((fn.name || "") + fn.toString());
	h = mix(h, fn.length);
	return h >>> 0;
}
function hashBytes(bytes) {
	let h = 0;
	for (let i = 0; i < bytes.length; i++) h = mix(h, bytes[i]);
	return h >>> 0;
}
function hashTypedArray(view) {
	let h = hashString(view.constructor.name);
	const bytes = new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
	h = mix(h, hashBytes(bytes));
	return h >>> 0;
}
function hashArray(arr, seen) {
	if (seen.has(arr)) return 13;
	seen.add(arr);
	let h = 1;
	for (let i = 0; i < arr.length; i++) h = mix(h, internalHash(arr[i], seen));
	seen.delete(arr);
	return h >>> 0;
}
function hashObject(obj, seen) {
	if (seen.has(obj)) return 13;
	seen.add(obj);
	const keys = Object.keys(obj).sort();
	let h = hashString(obj?.constructor?.name);
	for (const k of keys) {
		h = mix(h, hashString(k));
		h = mix(h, internalHash(obj[k], seen));
	}
	seen.delete(obj);
	return h >>> 0;
}
var BOOLEAN_HASH = [3735928559, 305441741].map((b) => mix(3, b));
var NULL_HASH = mix(1, 0);
var UNDEF_HASH = mix(2, 0);
function internalHash(value, seen) {
	if (value === null) return NULL_HASH;
	switch (typeof value) {
		case "undefined": return UNDEF_HASH;
		case "boolean": return BOOLEAN_HASH[+value];
		case "number": return mix(4, hashNumber(value));
		case "string": return mix(5, hashString(value));
		case "bigint": return mix(6, hashBigInt(value));
		case "function": return mix(7, hashFunction(value));
		default:
			if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return mix(12, hashTypedArray(value));
			if (value instanceof Date) return mix(10, hashNumber(value.getTime()));
			if (value instanceof RegExp) return mix(11, mix(hashString(value.source), hashString(value.flags)));
			if (Array.isArray(value)) return mix(8, hashArray(value, seen));
			return mix(9, hashObject(value, seen));
	}
}
function hashCode(value) {
	return internalHash(value, /* @__PURE__ */ new WeakSet()) >>> 0;
}
// node_modules/mingo/esm/util/_internal.js
var MingoError = class extends Error {};
var MISSING = /* @__PURE__ */ Symbol("missing");
var ERR_CYCLE_FOUND = "mingo: cycle detected while processing object/array";
var isPrimitive = (v) => typeof v !== "object" && typeof v !== "function" || v === null;
var isScalar = (v) => isPrimitive(v) || isDate(v) || isRegExp(v);
var SORT_ORDER = {
	undefined: 1,
	null: 2,
	number: 3,
	string: 4,
	symbol: 5,
	object: 6,
	array: 7,
	arraybuffer: 8,
	boolean: 9,
	date: 10,
	regexp: 11,
	function: 12
};
var simpleCmp = (a, b) => a < b ? -1 : a > b ? 1 : 0;
var typedArraysCmp = (a, b) => {
	const bytesA = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
	const bytesB = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
	const size = Math.min(bytesA.length, bytesB.length);
	for (let i = 0; i < size; i++) {
		const order = simpleCmp(bytesA[i], bytesB[i]);
		if (order !== 0) return order;
	}
	return simpleCmp(bytesA.length, bytesB.length);
};
function mingoCmp(a, b, descendArray = false) {
	if (a === MISSING) a = void 0;
	if (b === MISSING) b = void 0;
	if (a === b || Object.is(a, b)) return 0;
	const typeA = typeOf(a);
	const typeB = typeOf(b);
	let neq = 0;
	if (typeA === typeB) switch (typeA) {
		case "number":
		case "string":
		case "boolean": return simpleCmp(a, b);
		case "date": return simpleCmp(+a, +b);
		case "regexp":
			if (neq = simpleCmp(a.source, b.source)) return neq;
			return simpleCmp(a.flags, b.flags);
		case "arraybuffer": return typedArraysCmp(a, b);
		case "array": {
			const xs = a.slice().sort(mingoCmp);
			const ys = b.slice().sort(mingoCmp);
			const size = Math.min(xs.length, ys.length);
			for (let i = 0; i < size; i++) if (neq = mingoCmp(xs[i], ys[i])) return neq;
			return simpleCmp(xs.length, ys.length);
		}
		default: {
			if (typeA !== "object") {
				if (a?.constructor === b?.constructor && hasCustomString(a)) return simpleCmp(a.toString(), b.toString());
			}
			const keysA = Object.keys(a).sort();
			if (neq = mingoCmp(keysA, Object.keys(b).sort())) return neq;
			for (const k of keysA) if (neq = mingoCmp(a[k], b[k])) return neq;
			return 0;
		}
	}
	if (typeA == "undefined") return -1;
	if (typeB == "undefined") return 1;
	if (descendArray) {
		if (typeA == "array") {
			const xs = a;
			if (!xs.length) return -1;
			const sorted = xs.slice().sort(mingoCmp);
			neq = 1;
			for (const v of sorted) if ((neq = Math.min(neq, mingoCmp(v, b))) < 0) return neq;
			return neq;
		}
		if (typeB == "array") {
			const ys = b;
			if (!ys.length) return 1;
			const sorted = ys.slice().sort(mingoCmp);
			neq = -1;
			for (const v of sorted) if ((neq = Math.max(neq, mingoCmp(a, v))) > 0) return neq;
			return neq;
		}
	}
	const orderA = SORT_ORDER[typeA] ?? Number.MAX_VALUE;
	const orderB = SORT_ORDER[typeB] ?? Number.MAX_VALUE;
	return orderA !== orderB ? simpleCmp(orderA, orderB) : simpleCmp(typeA, typeB);
}
var compare$1 = (a, b) => mingoCmp(a, b, true);
var hasCustomString = (o) => o !== null && o !== void 0 && o["toString"] !== Object.prototype.toString;
function isEqual(a, b) {
	if (a === b || Object.is(a, b)) return true;
	if (a === null || b === null) return false;
	if (typeof a !== typeof b) return false;
	if (typeof a !== "object") return false;
	if (a.constructor !== b?.constructor) return false;
	if (isDate(a)) return isDate(b) && +a === +b;
	if (isRegExp(a)) return isRegExp(b) && a.source === b.source && a.flags === b.flags;
	if (isArray(a) && isArray(b)) return a.length === b.length && a.every((v, i) => isEqual(v, b[i]));
	if (a?.constructor !== Object && hasCustomString(a)) return a?.toString() === b?.toString();
	const objA = a;
	const objB = b;
	const keysA = Object.keys(objA);
	const keysB = Object.keys(objB);
	if (keysA.length !== keysB.length) return false;
	return keysA.every((k) => has(objB, k) && isEqual(objA[k], objB[k]));
}
var HashMap = class HashMap extends Map {
	#keyMap = /* @__PURE__ */ new Map();
	#unpack = (key) => {
		const hash = hashCode(key);
		return [(this.#keyMap.get(hash) ?? []).find((k) => isEqual(k, key)), hash];
	};
	constructor() {
		super();
	}
	/**
	* Returns a new {@link HashMap} object.
	* @param fn An optional custom hash function
	*/
	static init() {
		return new HashMap();
	}
	clear() {
		super.clear();
		this.#keyMap.clear();
	}
	delete(key) {
		if (isPrimitive(key)) return super.delete(key);
		const [masterKey, hash] = this.#unpack(key);
		if (!super.delete(masterKey)) return false;
		this.#keyMap.set(hash, this.#keyMap.get(hash).filter((k) => !isEqual(k, masterKey)));
		return true;
	}
	get(key) {
		if (isPrimitive(key)) return super.get(key);
		const [masterKey, _] = this.#unpack(key);
		return super.get(masterKey);
	}
	has(key) {
		if (isPrimitive(key)) return super.has(key);
		const [masterKey, _] = this.#unpack(key);
		return super.has(masterKey);
	}
	set(key, value) {
		if (isPrimitive(key)) return super.set(key, value);
		const [masterKey, hash] = this.#unpack(key);
		if (super.has(masterKey)) super.set(masterKey, value);
		else {
			super.set(key, value);
			const keys = this.#keyMap.get(hash) || [];
			keys.push(key);
			this.#keyMap.set(hash, keys);
		}
		return this;
	}
	/**
	* @returns the number of elements in the Map.
	*/
	get size() {
		return super.size;
	}
};
function assert(condition, msg) {
	if (!condition) throw new MingoError(msg);
}
var assertNoProto = (s) => {
	if (s === "__proto__" || s.startsWith("__proto__.") || s.endsWith(".__proto__") || s.includes(".__proto__.")) throw new MingoError(`Accessing __proto__ is not allowed in selector: '${s}'.`);
};
function typeOf(v) {
	const t = typeof v;
	switch (t) {
		case "number":
		case "string":
		case "boolean":
		case "undefined":
		case "function":
		case "symbol": return t;
	}
	if (v === null) return "null";
	if (isArray(v)) return "array";
	if (isDate(v)) return "date";
	if (isRegExp(v)) return "regexp";
	if (isTypedArray(v)) return "arraybuffer";
	if (v?.constructor === Object) return "object";
	return v?.constructor?.name?.toLowerCase() ?? "object";
}
var isBoolean = (v) => typeof v === "boolean";
var isString = (v) => typeof v === "string";
var isNumber = (v) => !Number.isNaN(v) && typeof v === "number";
var isInteger = Number.isInteger;
var isArray = Array.isArray;
var isObject$1 = (v) => typeOf(v) === "object";
var isDate = (v) => v instanceof Date;
var isRegExp = (v) => v instanceof RegExp;
var isNil = (v) => v === null || v === void 0;
var truthy = (arg, strict = true) => !!arg || strict && arg === "";
var isEmpty = (x) => isNil(x) || isString(x) && !x || isArray(x) && x.length === 0 || isObject$1(x) && Object.keys(x).length === 0;
var ensureArray = (x) => isArray(x) ? x : [x];
var has = (obj, key1, key2 = "", key3 = "") => !!(obj && Object.prototype.hasOwnProperty.call(obj, key1) && (key2 === "" || Object.prototype.hasOwnProperty.call(obj, key2)) && (key3 === "" || Object.prototype.hasOwnProperty.call(obj, key3)));
var isTypedArray = (v) => typeof ArrayBuffer !== "undefined" && ArrayBuffer.isView(v);
var isDigits = (s) => {
	for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) < 48 || s.charCodeAt(i) > 57) return false;
	return true;
};
var cloneDeep = (v, refs) => {
	if (isPrimitive(v)) return v;
	if (isDate(v)) return new Date(v);
	if (isRegExp(v)) return new RegExp(v);
	if (isTypedArray(v)) {
		const ctor = v.constructor;
		return new ctor(v);
	}
	if (!(refs instanceof WeakSet)) refs = /* @__PURE__ */ new WeakSet();
	if (refs.has(v)) throw new Error(ERR_CYCLE_FOUND);
	refs.add(v);
	try {
		if (isArray(v)) {
			const arr = new Array(v.length);
			for (let i = 0; i < v.length; i++) arr[i] = cloneDeep(v[i], refs);
			return arr;
		}
		if (isObject$1(v)) {
			const obj = {};
			for (const k of Object.keys(v)) obj[k] = cloneDeep(v[k], refs);
			return obj;
		}
	} finally {
		refs.delete(v);
	}
	return v;
};
function intersection(input) {
	if (input.length === 0) return [];
	if (input.length === 1) return input[0].slice();
	for (const arr of input) if (arr.length === 0) return [];
	const maps = [HashMap.init(), HashMap.init()];
	let index = 0;
	for (const v of input[input.length - 1]) maps[0].set(v, true);
	for (let i = input.length - 2; i >= 0; i--) {
		for (let j = 0; j < input[i].length; j++) {
			const v = input[i][j];
			if (maps[index].has(v)) maps[index ^ 1].set(v, true);
		}
		if (maps[index ^ 1].size === 0) return [];
		maps[index].clear();
		index = index ^ 1;
	}
	return Array.from(maps[index].keys());
}
function flatten(xs, depth = 1) {
	const arr = new Array();
	function flatten2(ys, n) {
		for (let i = 0, len = ys.length; i < len; i++) if (isArray(ys[i]) && (n > 0 || n < 0)) flatten2(ys[i], Math.max(-1, n - 1));
		else arr.push(ys[i]);
	}
	flatten2(xs, depth);
	return arr;
}
function unique(input) {
	const m = HashMap.init();
	for (const v of input) m.set(v, true);
	return Array.from(m.keys());
}
function groupBy(collection, keyFunc) {
	if (collection.length < 1) return /* @__PURE__ */ new Map();
	const result = HashMap.init();
	for (let i = 0; i < collection.length; i++) {
		const obj = collection[i];
		const key = keyFunc(obj, i) ?? null;
		let a = result.get(key);
		if (!a) {
			a = [obj];
			result.set(key, a);
		} else a.push(obj);
	}
	return result;
}
var OBJECT_PROTO_PROPS = new Set(Object.getOwnPropertyNames(Object.prototype).find((s) => s !== "__proto__"));
function getValue(obj, key) {
	if (isPrimitive(obj) || Number.isNaN(key)) return void 0;
	if (isArray(obj)) return obj[Number(key)];
	return !OBJECT_PROTO_PROPS.has(key) || has(obj, key) ? obj[key] : void 0;
}
function unwrap(arr, depth) {
	if (depth < 1) return arr;
	while (depth-- && arr.length === 1 && isArray(arr[0])) arr = arr[0];
	return arr;
}
function resolve(obj, selector, options) {
	assertNoProto(selector);
	if (isScalar(obj)) return obj;
	if (!selector.includes(".") && !isArray(obj)) return getValue(obj, selector);
	let depth = 0;
	function resolvePath(o, path) {
		let value = o;
		let begin = 0;
		let dot = 0;
		while (dot !== -1) {
			dot = path.indexOf(".", begin);
			const field = dot === -1 ? path.substring(begin) : path.substring(begin, dot);
			if (!isDigits(field) && isArray(value)) {
				if (begin === 0 && depth > 0) break;
				depth += 1;
				const subpath = path.substring(begin);
				value = value.reduce((acc, item) => {
					const v = resolvePath(item, subpath);
					if (v !== void 0) acc.push(v);
					return acc;
				}, []);
				break;
			} else value = getValue(value, field);
			if (value === void 0) break;
			begin += field.length + 1;
		}
		return value;
	}
	const res = resolvePath(obj, selector);
	return isArray(res) && options?.unwrapArray ? unwrap(res, depth) : res;
}
function resolveGraph(obj, selector, options) {
	if (options?.ignoreProto !== true) {
		assertNoProto(selector);
		options = {
			...options,
			ignoreProto: true
		};
	}
	const sep = selector.indexOf(".");
	const key = sep == -1 ? selector : selector.substring(0, sep);
	const next = selector.substring(sep + 1);
	const hasNext = sep != -1;
	const { preserveIndex } = options;
	if (isArray(obj)) {
		const isIndex = isDigits(key);
		const arr = isIndex && preserveIndex === "default" ? obj.slice() : [];
		if (isIndex) {
			const index = Number(key);
			let value2 = getValue(obj, key);
			if (hasNext) value2 = resolveGraph(value2, next, options);
			if (preserveIndex === "default") arr[index] = value2;
			else arr.push(value2);
		} else for (let i = 0; i < obj.length; i++) {
			const value2 = resolveGraph(obj[i], selector, options);
			if (preserveIndex === "missing") arr.push(value2 ?? MISSING);
			else if (value2 !== void 0 || preserveIndex === "default") arr.push(value2);
		}
		return arr;
	}
	const res = options?.preserveKeys ? { ...obj } : {};
	let value = getValue(obj, key);
	if (hasNext) value = resolveGraph(value, next, options);
	if (value === void 0) return void 0;
	res[key] = value;
	return res;
}
function filterMissing(obj) {
	if (isArray(obj)) for (let i = obj.length - 1; i >= 0; i--) if (obj[i] === MISSING) obj.splice(i, 1);
	else filterMissing(obj[i]);
	else if (isObject$1(obj)) {
		const keys = Object.keys(obj);
		for (let i = 0; i < keys.length; i++) filterMissing(obj[keys[i]]);
	}
}
function walk(obj, selector, fn, options) {
	if (options?.ignoreProto !== true) {
		assertNoProto(selector);
		options = {
			...options,
			ignoreProto: true
		};
	}
	const dotIndex = selector.indexOf(".");
	const key = dotIndex === -1 ? selector : selector.substring(0, dotIndex);
	const next = selector.substring(key.length + 1);
	if (next.length === 0) {
		if (isObject$1(obj) || isArray(obj) && isDigits(key)) fn(obj, key);
	} else {
		if (options?.buildGraph && isNil(obj[key])) obj[key] = {};
		const item = obj[key];
		if (!item) return;
		const nextDotIndex = next.indexOf(".");
		const isNextArrayIndex = isDigits(nextDotIndex === -1 ? next : next.substring(0, nextDotIndex));
		if (isArray(item) && options?.descendArray && !isNextArrayIndex) for (let i = 0; i < item.length; i++) walk(item[i], next, fn, options);
		else walk(item, next, fn, options);
	}
}
function setValue(obj, selector, value) {
	walk(obj, selector, (item, key) => item[key] = value, { buildGraph: true });
}
function removeValue(obj, selector, options) {
	walk(obj, selector, ((item, key) => {
		if (isArray(item)) item.splice(Number(key), 1);
		else delete item[key];
	}), options);
}
var isOperator = (name) => !!name && name[0] === "$" && /^\$[a-zA-Z0-9_]+$/.test(name);
function normalize(expr) {
	if (isScalar(expr)) return isRegExp(expr) ? { $regex: expr } : { $eq: expr };
	if (!Object.keys(expr).some(isOperator)) return { $eq: expr };
	if (isObject$1(expr) && has(expr, "$regex")) {
		const newExpr = { ...expr };
		newExpr["$regex"] = new RegExp(expr["$regex"], expr["$options"]);
		delete newExpr["$options"];
		return newExpr;
	}
	return expr;
}
var PathValidator = class {
	constructor() {
		this.root = {
			children: /* @__PURE__ */ new Map(),
			isTerminal: false
		};
	}
	add(selector) {
		const parts = selector.split(".");
		let current = this.root;
		for (const part of parts) {
			if (current.isTerminal) return false;
			if (!current.children.has(part)) current.children.set(part, {
				children: /* @__PURE__ */ new Map(),
				isTerminal: false
			});
			current = current.children.get(part);
		}
		if (current.isTerminal || current.children.size) return false;
		return current.isTerminal = true;
	}
};
// node_modules/mingo/esm/core/_internal.js
var ProcessingMode = /* @__PURE__ */ ((ProcessingMode2) => {
	ProcessingMode2[ProcessingMode2["CLONE_OFF"] = 0] = "CLONE_OFF";
	ProcessingMode2[ProcessingMode2["CLONE_INPUT"] = 1] = "CLONE_INPUT";
	ProcessingMode2[ProcessingMode2["CLONE_OUTPUT"] = 2] = "CLONE_OUTPUT";
	ProcessingMode2[ProcessingMode2["CLONE_ALL"] = 3] = "CLONE_ALL";
	return ProcessingMode2;
})(ProcessingMode || {});
var ComputeOptions = class ComputeOptions {
	constructor(options, locals) {
		this.options = options;
		this.#locals = locals ? { ...locals } : {};
	}
	#locals;
	/**
	* Initializes a new instance of the `ComputeOptions` class with the provided options.
	*
	* @param options - A partial set of options to configure the `ComputeOptions` instance.
	*                  If an instance of `ComputeOptions` is provided, its internal options and locals are used.
	* @returns A new `ComputeOptions` instance configured with the provided options and root.
	*/
	static init(options) {
		return options instanceof ComputeOptions ? new ComputeOptions(options.options, options.#locals) : new ComputeOptions({
			idKey: "_id",
			scriptEnabled: true,
			useStrictMode: true,
			failOnError: true,
			processingMode: 0,
			...options,
			context: options?.context ? Context.from(options?.context) : Context.init()
		});
	}
	update(locals) {
		Object.assign(this.#locals, locals, {
			timestamp: this.#locals.timestamp,
			variables: {
				...this.#locals?.variables,
				...locals?.variables
			}
		});
		return this;
	}
	get local() {
		return this.#locals;
	}
	get now() {
		let timestamp = this.#locals.timestamp ?? 0;
		if (!timestamp) {
			timestamp = Date.now();
			Object.assign(this.#locals, { timestamp });
		}
		return new Date(timestamp);
	}
	get idKey() {
		return this.options.idKey;
	}
	get collation() {
		return this.options?.collation;
	}
	get processingMode() {
		return this.options?.processingMode;
	}
	get useStrictMode() {
		return this.options?.useStrictMode;
	}
	get scriptEnabled() {
		return this.options?.scriptEnabled;
	}
	get failOnError() {
		return this.options?.failOnError;
	}
	get collectionResolver() {
		return this.options?.collectionResolver;
	}
	get jsonSchemaValidator() {
		return this.options?.jsonSchemaValidator;
	}
	get variables() {
		return this.options?.variables;
	}
	get context() {
		return this.options?.context;
	}
};
var OpType = /* @__PURE__ */ ((OpType2) => {
	OpType2["ACCUMULATOR"] = "accumulator";
	OpType2["EXPRESSION"] = "expression";
	OpType2["PIPELINE"] = "pipeline";
	OpType2["PROJECTION"] = "projection";
	OpType2["QUERY"] = "query";
	OpType2["WINDOW"] = "window";
	return OpType2;
})(OpType || {});
var Context = class Context {
	#operators;
	constructor() {
		this.#operators = {
			["accumulator"]: {},
			["expression"]: {},
			["pipeline"]: {},
			["projection"]: {},
			["query"]: {},
			["window"]: {}
		};
	}
	static init(ops = {}) {
		const ctx = new Context();
		for (const type of Object.keys(ops)) ctx.#operators[type] = { ...ops[type] };
		return ctx;
	}
	/** Returns a new context with the operators from the provided contexts merged left to right. */
	static from(...ctx) {
		if (ctx.length === 1) return Context.init(ctx[0].#operators);
		const newCtx = new Context();
		for (const context of ctx) for (const type of Object.values(OpType)) newCtx.addOps(type, context.#operators[type]);
		return newCtx;
	}
	addOps(type, operators) {
		this.#operators[type] = Object.assign({}, operators, this.#operators[type]);
		return this;
	}
	getOperator(type, name) {
		return this.#operators[type][name] ?? null;
	}
	addAccumulatorOps(ops) {
		return this.addOps("accumulator", ops);
	}
	addExpressionOps(ops) {
		return this.addOps("expression", ops);
	}
	addQueryOps(ops) {
		return this.addOps("query", ops);
	}
	addPipelineOps(ops) {
		return this.addOps("pipeline", ops);
	}
	addProjectionOps(ops) {
		return this.addOps("projection", ops);
	}
	addWindowOps(ops) {
		return this.addOps("window", ops);
	}
};
function evalExpr(obj, expr, options) {
	return computeExpression(obj, expr, !(options instanceof ComputeOptions) || isNil(options.local.root) ? ComputeOptions.init(options).update({ root: obj }) : options);
}
var SYSTEM_VARS = /* @__PURE__ */ new Set([
	"$$ROOT",
	"$$CURRENT",
	"$$REMOVE",
	"$$NOW"
]);
function computeExpression(obj, expr, options) {
	if (isString(expr) && expr.length > 0 && expr[0] === "$") {
		if (expr === "$$KEEP" || expr === "$$PRUNE" || expr === "$$DESCEND") return expr;
		let ctx = options.local.root;
		const dot = expr.indexOf(".");
		const prefix = dot === -1 ? expr : expr.substring(0, dot);
		if (SYSTEM_VARS.has(prefix)) {
			switch (prefix) {
				case "$$ROOT": break;
				case "$$CURRENT":
					ctx = obj;
					break;
				case "$$REMOVE":
					ctx = void 0;
					break;
				case "$$NOW": ctx = new Date(options.now);
			}
			expr = dot === -1 ? "" : expr.substring(dot + 1);
		} else if (prefix.length >= 2 && prefix[1] === "$") {
			ctx = Object.assign({}, options.variables, { this: obj }, options?.local?.variables);
			const name = prefix.substring(2);
			assert(has(ctx, name), `Use of undefined variable: ${name}`);
			expr = expr.substring(2);
		} else expr = expr.substring(1);
		return expr === "" ? ctx : resolve(ctx, expr);
	}
	if (isArray(expr)) {
		const result = new Array(expr.length);
		for (let i = 0; i < expr.length; i++) result[i] = computeExpression(obj, expr[i], options);
		return result;
	}
	if (isObject$1(expr)) {
		const keys = Object.keys(expr);
		if (isOperator(keys[0])) {
			assert(keys.length === 1, "Expression must contain a single operator.");
			return computeOperator(obj, expr[keys[0]], keys[0], options);
		}
		const result = {};
		for (let i = 0; i < keys.length; i++) result[keys[i]] = computeExpression(obj, expr[keys[i]], options);
		return result;
	}
	return expr;
}
function computeOperator(obj, expr, operator, options) {
	const context = options.context;
	const fn = context.getOperator("expression", operator);
	if (fn) return fn(obj, expr, options);
	const accFn = context.getOperator("accumulator", operator);
	assert(!!accFn, `accumulator '${operator}' is not registered.`);
	if (!isArray(obj)) {
		obj = computeExpression(obj, expr, options);
		expr = null;
	}
	assert(isArray(obj), `arguments must resolve to array for ${operator}.`);
	return accFn(obj, expr, options);
}
// node_modules/mingo/esm/lazy.js
function Lazy(source) {
	return new Iterator$1(source);
}
function concat(...iterators) {
	let index = 0;
	return Lazy(() => {
		while (index < iterators.length) {
			const o = iterators[index].next();
			if (!o.done) return o;
			index++;
		}
		return {
			done: true,
			value: void 0
		};
	});
}
function isGenerator(o) {
	return !!o && typeof o === "object" && typeof o?.next === "function";
}
function isIterable(o) {
	return !!o && (typeof o === "object" || typeof o === "function") && typeof o[Symbol.iterator] === "function";
}
var Iterator$1 = class {
	#iteratees = [];
	#buffer = [];
	#getNext;
	#done = false;
	constructor(source) {
		let iter;
		if (isIterable(source)) iter = source[Symbol.iterator]();
		else if (isGenerator(source)) iter = source;
		else if (typeof source === "function") iter = { next: source };
		else assert(0, "mingo: iterator requires an iterable, generator or function");
		let index = -1;
		this.#getNext = () => {
			while (true) {
				let { value, done } = iter.next();
				if (done) return { done };
				let ok = true;
				index++;
				for (let i = 0; i < this.#iteratees.length; i++) {
					const { op, fn } = this.#iteratees[i];
					const res = fn(value, index);
					if (op === "map") value = res;
					else if (!res) {
						ok = false;
						break;
					}
				}
				if (ok) return {
					value,
					done
				};
			}
		};
	}
	/**
	* Add an iteratee to this lazy sequence
	*/
	push(op, fn) {
		this.#iteratees.push({
			op,
			fn
		});
		return this;
	}
	next() {
		return this.#getNext();
	}
	/**
	* Transform each item in the sequence to a new value
	* @param {Function} f
	*/
	map(f) {
		return this.push("map", f);
	}
	/**
	* Select only items matching the given predicate
	* @param {Function} f
	*/
	filter(f) {
		return this.push("filter", f);
	}
	/**
	* Take given numbe for values from sequence
	* @param {Number} n A number greater than 0
	*/
	take(n) {
		assert(n >= 0, "value must be a non-negative integer");
		return this.filter((_) => n-- > 0);
	}
	/**
	* Drop a number of values from the sequence
	* @param {Number} n Number of items to drop greater than 0
	*/
	drop(n) {
		assert(n >= 0, "value must be a non-negative integer");
		return this.filter((_) => n-- <= 0);
	}
	/**
	* Returns a new lazy object with results of the transformation
	* The entire sequence is realized.
	*
	* @param {Callback<Source, Any[]>} f Tranform function of type (Array) => (Any)
	*/
	transform(f) {
		const self = this;
		let iter;
		return Lazy(() => {
			if (!iter) iter = f(self.collect());
			return iter.next();
		});
	}
	/**
	* Retrieves all remaining values from the lazy evaluation and returns them as an array.
	* This method processes the underlying iterator until it is exhausted, storing the results
	* in an internal buffer to ensure subsequent calls return the same data.
	*/
	collect() {
		while (!this.#done) {
			const { done, value } = this.#getNext();
			if (!done) this.#buffer.push(value);
			this.#done = done;
		}
		return this.#buffer;
	}
	/**
	* Execute the callback for each value.
	* @param f The callback function.
	*/
	each(f) {
		for (let o = this.next(); o.done !== true; o = this.next()) f(o.value);
	}
	/**
	* Returns the reduction of sequence according the reducing function
	*
	* @param f The reducing function
	* @param initialValue The initial value
	*/
	reduce(f, initialValue) {
		let o = this.next();
		if (initialValue === void 0 && !o.done) {
			initialValue = o.value;
			o = this.next();
		}
		while (!o.done) {
			initialValue = f(initialValue, o.value);
			o = this.next();
		}
		return initialValue;
	}
	/**
	* Returns the number of matched items in the sequence.
	* The stream is realized and buffered for later retrieval with {@link collect}.
	*/
	size() {
		return this.collect().length;
	}
	[Symbol.iterator]() {
		return this;
	}
};
// node_modules/mingo/esm/operators/pipeline/limit.js
function $limit(coll, expr, _options) {
	return coll.take(expr);
}
Lazy([]);
function validateProjection(expr, options, isRoot = true) {
	const res = {
		exclusions: [],
		inclusions: [],
		positional: 0
	};
	const keys = Object.keys(expr);
	assert(keys.length, "Invalid empty sub-projection");
	const idKey = options?.idKey;
	let idKeyExcluded = false;
	for (const k of keys) {
		if (k.startsWith("$")) {
			assert(!isRoot && keys.length === 1, `FieldPath field names may not start with '$', given '${k}'.`);
			return res;
		}
		if (k.endsWith(".$")) res.positional++;
		const v = expr[k];
		if (v === false || isNumber(v) && v === 0) {
			if (k === idKey) idKeyExcluded = true;
			else res.exclusions.push(k);
		} else if (!isObject$1(v)) res.inclusions.push(k);
		else {
			const meta = validateProjection(v, options, false);
			if (!meta.inclusions.length && !meta.exclusions.length) {
				if (!res.inclusions.includes(k)) res.inclusions.push(k);
			} else {
				for (const n of meta.exclusions) res.exclusions.push(`${k}.${n}`);
				for (const n of meta.inclusions) res.inclusions.push(`${k}.${n}`);
			}
			res.positional += meta.positional;
		}
		assert(!(res.exclusions.length && res.inclusions.length), "Cannot do exclusion and inclusion in projection.");
		assert(res.positional <= 1, "Cannot specify more than one positional projection.");
	}
	if (idKeyExcluded) res.exclusions.push(idKey);
	if (isRoot) {
		const p = new PathValidator();
		for (const k of res.exclusions) assert(p.add(k), `Path collision at ${k}.`);
		for (const k of res.inclusions) assert(p.add(k), `Path collision at ${k}.`);
		res.exclusions.sort();
		res.inclusions.sort();
	}
	return res;
}
// node_modules/mingo/esm/operators/pipeline/project.js
var OP = "$project";
function $project(coll, expr, options) {
	if (isEmpty(expr)) return coll;
	const meta = validateProjection(expr, options);
	const handler = createHandler(expr, ComputeOptions.init(options), meta);
	return coll.map(handler);
}
function createHandler(expr, options, meta) {
	const idKey = options.idKey;
	const { exclusions, inclusions } = meta;
	const handlers = {};
	const resolveOpts = { preserveIndex: "missing" };
	for (const k of exclusions) handlers[k] = (t, _) => {
		removeValue(t, k, { descendArray: true });
	};
	for (const selector of inclusions) {
		const v = resolve(expr, selector) ?? expr[selector];
		if (selector.endsWith(".$") && v === 1) {
			const cond = options?.local?.condition ?? {};
			assert(cond, `${OP}: positional operator '.$' requires array condition.`);
			const field = selector.slice(0, -2);
			handlers[field] = getPositionalFilter(field, cond, options);
			continue;
		}
		if (isArray(v)) handlers[selector] = (t, o) => {
			options.update({ root: o });
			const newVal = v.map((e) => evalExpr(o, e, options) ?? null);
			setValue(t, selector, newVal);
		};
		else if (isNumber(v) || v === true) handlers[selector] = (t, o) => {
			options.update({ root: o });
			mergeInto(t, resolveGraph(o, selector, resolveOpts));
		};
		else if (!isObject$1(v)) handlers[selector] = (t, o) => {
			options.update({ root: o });
			const newVal = evalExpr(o, v, options);
			setValue(t, selector, newVal);
		};
		else {
			const opKeys = Object.keys(v);
			assert(opKeys.length === 1 && isOperator(opKeys[0]), "Not a valid operator");
			const operator = opKeys[0];
			const opExpr = v[operator];
			const fn = options.context.getOperator(OpType.PROJECTION, operator);
			if (!fn || operator === "$slice" && !ensureArray(opExpr).every(isNumber)) handlers[selector] = (t, o) => {
				options.update({ root: o });
				const newval = evalExpr(o, v, options);
				setValue(t, selector, newval);
			};
			else handlers[selector] = (t, o) => {
				options.update({ root: o });
				const newval = fn(o, opExpr, selector, options);
				setValue(t, selector, newval);
			};
		}
	}
	const onlyIdKeyExcluded = exclusions.length === 1 && exclusions.includes(idKey);
	const noIdKeyExcluded = !exclusions.includes(idKey);
	const noInclusions = !inclusions.length;
	const allKeysIncluded = noInclusions && onlyIdKeyExcluded || noInclusions && exclusions.length && !onlyIdKeyExcluded;
	return (o) => {
		const newObj = {};
		if (allKeysIncluded) Object.assign(newObj, o);
		for (const k in handlers) handlers[k](newObj, o);
		if (!noInclusions) filterMissing(newObj);
		if (noIdKeyExcluded && !has(newObj, idKey) && has(o, idKey)) newObj[idKey] = resolve(o, idKey);
		return newObj;
	};
}
var findMatches = (o, key, leaf, pred) => {
	let arr = resolve(o, key);
	if (!isArray(arr)) arr = resolve(arr, leaf);
	assert(isArray(arr), `${OP}: field '${key}' must resolve to array`);
	const matches = [];
	for (let i = 0; i < arr.length; i++) if (pred({ [leaf]: [arr[i]] })) matches.push(i);
	return matches;
};
var complement = (p) => ((e) => !p(e));
var COMPOUND_OPS = {
	$and: 1,
	$or: 1,
	$nor: 1
};
function getPositionalFilter(field, condition, options) {
	const stack = Object.entries(condition).slice();
	const selectors = {
		$and: [],
		$or: []
	};
	for (let i = 0; i < stack.length; i++) {
		const [key, val, op] = stack[i];
		if (key === field || key.startsWith(field + ".")) {
			const normalizedExpr = normalize(val);
			const operator = Object.keys(normalizedExpr)[0];
			const expr = normalizedExpr[operator];
			const fn = options.context.getOperator(OpType.QUERY, operator);
			const leaf2 = key.substring(key.lastIndexOf(".") + 1);
			const pred = fn(leaf2, expr, options);
			if (!op || op === "$and") selectors.$and.push([
				key,
				pred,
				leaf2
			]);
			else if (op === "$nor") selectors.$and.push([
				key,
				complement(pred),
				leaf2
			]);
			else if (op === "$or") selectors.$or.push([
				key,
				pred,
				leaf2
			]);
		} else if (isOperator(key)) {
			assert(!!COMPOUND_OPS[key], `${OP}: '${key}' is not allowed in this context`);
			for (const item of val) for (const k of Object.keys(item)) stack.push([
				k,
				item[k],
				key
			]);
		}
	}
	const sep = field.lastIndexOf(".");
	const parent = field.substring(0, sep) || field;
	const leaf = field.substring(sep + 1);
	return (t, o) => {
		const matches = [];
		for (const [key, pred, leaf2] of selectors.$and) matches.push(findMatches(o, key, leaf2, pred));
		if (selectors.$or.length) {
			const orMatches = [];
			for (const [key, pred, leaf2] of selectors.$or) orMatches.push(...findMatches(o, key, leaf2, pred));
			matches.push(unique(orMatches));
		}
		const i = intersection(matches).sort()[0];
		let first = resolve(o, field)[i];
		if (parent != leaf && !isObject$1(first)) first = { [leaf]: first };
		setValue(t, parent, [first]);
	};
}
function mergeInto(target, input) {
	if (target === MISSING || isNil(target)) return input;
	if (isNil(input)) return target;
	const out = target;
	const src = input;
	for (const k of Object.keys(input)) out[k] = mergeInto(out[k], src[k]);
	return out;
}
// node_modules/mingo/esm/operators/pipeline/skip.js
function $skip(coll, expr, _options) {
	assert(expr >= 0, "$skip value must be a non-negative integer");
	return coll.drop(expr);
}
// node_modules/mingo/esm/operators/pipeline/sort.js
function $sort(coll, sortKeys, options) {
	assert(isObject$1(sortKeys) && Object.keys(sortKeys).length > 0, "$sort specification is invalid");
	let cmp = compare$1;
	const collationSpec = options.collation;
	if (isObject$1(collationSpec) && isString(collationSpec.locale)) cmp = collationComparator(collationSpec);
	return coll.transform((coll2) => {
		const modifiers = Object.keys(sortKeys);
		for (const key of modifiers.reverse()) {
			const groups = groupBy(coll2, (obj) => resolve(obj, key));
			const sortedKeys = Array.from(groups.keys());
			let nativeSorted = false;
			if (cmp === compare$1) {
				let t_str = true;
				let t_num = true;
				for (const v of sortedKeys) {
					t_str &&= isString(v);
					t_num &&= isNumber(v);
					if (!t_str && !t_num) break;
				}
				nativeSorted = t_str || t_num;
				if (t_str) sortedKeys.sort();
				else if (t_num) {
					const numbers = new Float64Array(sortedKeys).sort();
					for (let i2 = 0; i2 < numbers.length; i2++) sortedKeys[i2] = numbers[i2];
				}
			}
			if (!nativeSorted) sortedKeys.sort(cmp);
			if (sortKeys[key] === -1) sortedKeys.reverse();
			let i = 0;
			for (const k of sortedKeys) for (const v of groups.get(k)) coll2[i++] = v;
			assert(i == coll2.length, "bug: counter must match collection size.");
		}
		return Lazy(coll2);
	});
}
var COLLATION_STRENGTH = {
	1: "base",
	2: "accent",
	3: "variant"
};
function collationComparator(spec) {
	const localeOpt = {
		sensitivity: COLLATION_STRENGTH[spec.strength || 3],
		caseFirst: spec.caseFirst === "off" ? "false" : spec.caseFirst,
		numeric: spec.numericOrdering || false,
		ignorePunctuation: spec.alternate === "shifted"
	};
	if (spec.caseLevel === true) {
		if (localeOpt.sensitivity === "base") localeOpt.sensitivity = "case";
		if (localeOpt.sensitivity === "accent") localeOpt.sensitivity = "variant";
	}
	const collator = new Intl.Collator(spec.locale, localeOpt);
	return (a, b) => isString(a) && isString(b) ? collator.compare(a, b) : compare$1(a, b);
}
// node_modules/mingo/esm/cursor.js
var OPERATORS = {
	$sort,
	$skip,
	$limit
};
var Cursor = class {
	#source;
	#predicate;
	#projection;
	#options;
	#operators = {};
	#result = null;
	#buffer = [];
	/**
	* Creates an instance of the Cursor class.
	*
	* @param source - The source of data to be iterated over.
	* @param predicate - A function or condition to filter the data.
	* @param projection - An object specifying the fields to include or exclude in the result.
	* @param options - Optional settings to customize the behavior of the cursor.
	*/
	constructor(source, predicate, projection, options) {
		this.#source = source;
		this.#predicate = predicate;
		this.#projection = projection;
		this.#options = options;
	}
	/** Returns the iterator from running the query */
	fetch() {
		if (this.#result) return this.#result;
		this.#result = Lazy(this.#source).filter(this.#predicate);
		const mode = this.#options.processingMode;
		if (mode & ProcessingMode.CLONE_INPUT) this.#result.map((o) => cloneDeep(o));
		for (const op of Object.keys(OPERATORS)) if (has(this.#operators, op)) {
			const f = OPERATORS[op];
			this.#result = f(this.#result, this.#operators[op], this.#options);
		}
		if (Object.keys(this.#projection).length) this.#result = $project(this.#result, this.#projection, this.#options);
		if (mode & ProcessingMode.CLONE_OUTPUT) this.#result.map((o) => cloneDeep(o));
		return this.#result;
	}
	/** Returns an iterator with the buffered data included */
	fetchAll() {
		const buffered = Lazy(Array.from(this.#buffer));
		this.#buffer.length = 0;
		return concat(buffered, this.fetch());
	}
	/**
	* Return remaining objects in the cursor as an array. This method exhausts the cursor
	* @returns {Array}
	*/
	all() {
		return this.fetchAll().collect();
	}
	/**
	* Returns a cursor that begins returning results only after passing or skipping a number of documents.
	* @param {Number} n the number of results to skip.
	* @return {Cursor} Returns the cursor, so you can chain this call.
	*/
	skip(n) {
		this.#operators["$skip"] = n;
		return this;
	}
	/**
	* Limits the number of items returned by the cursor.
	*
	* @param n - The maximum number of items to return.
	* @returns The current cursor instance for chaining.
	*/
	limit(n) {
		this.#operators["$limit"] = n;
		return this;
	}
	/**
	* Returns results ordered according to a sort specification.
	* @param {AnyObject} modifier an object of key and values specifying the sort order. 1 for ascending and -1 for descending
	* @return {Cursor} Returns the cursor, so you can chain this call.
	*/
	sort(modifier) {
		this.#operators["$sort"] = modifier;
		return this;
	}
	/**
	* Sets the collation options for the cursor.
	* Collation allows users to specify language-specific rules for string comparison,
	* such as case sensitivity and accent marks.
	*
	* @param spec - The collation specification to apply.
	* @returns The current cursor instance for chaining.
	*/
	collation(spec) {
		this.#options = {
			...this.#options,
			collation: spec
		};
		return this;
	}
	/**
	* Retrieves the next item in the cursor.
	*/
	next() {
		if (this.#buffer.length > 0) return this.#buffer.pop();
		const o = this.fetch().next();
		if (o.done) return void 0;
		return o.value;
	}
	/**
	* Determines if there are more elements available in the cursor.
	*
	* @returns {boolean} `true` if there are more elements to iterate over, otherwise `false`.
	*/
	hasNext() {
		if (this.#buffer.length > 0) return true;
		const o = this.fetch().next();
		if (o.done) return false;
		this.#buffer.push(o.value);
		return true;
	}
	/**
	* Returns an iterator for the cursor, allowing it to be used in `for...of` loops.
	* The iterator fetches all the results from the cursor.
	*
	* @returns {Iterator} An iterator over the fetched results.
	*/
	[Symbol.iterator]() {
		return this.fetchAll();
	}
};
// node_modules/mingo/esm/query.js
var TOP_LEVEL_OPS = /* @__PURE__ */ new Set([
	"$and",
	"$or",
	"$nor",
	"$expr",
	"$jsonSchema"
]);
var Query = class {
	#compiled;
	#condition;
	#options;
	/**
	* Creates an instance of the query with the specified condition and options.
	* This object is preloaded with all query and projection operators.
	*
	* @param condition - The query condition object used to define the criteria for matching documents.
	* @param options - Optional configuration settings to customize the query behavior.
	*/
	constructor(condition, options) {
		this.#condition = cloneDeep(condition);
		this.#options = ComputeOptions.init(options).update({ condition });
		this.#compiled = [];
		this.compile();
	}
	compile() {
		assert(isObject$1(this.#condition), `query criteria must be an object: ${JSON.stringify(this.#condition)}`);
		const whereOperator = {};
		for (const field of Object.keys(this.#condition)) {
			const expr = this.#condition[field];
			if ("$where" === field) {
				assert(this.#options.scriptEnabled, "$where operator requires 'scriptEnabled' option to be true.");
				Object.assign(whereOperator, {
					field,
					expr
				});
			} else if (TOP_LEVEL_OPS.has(field)) this.processOperator(field, field, expr);
			else {
				assert(!isOperator(field), `unknown top level operator: ${field}`);
				const normalizedExpr = normalize(expr);
				for (const operator of Object.keys(normalizedExpr)) this.processOperator(field, operator, normalizedExpr[operator]);
			}
			if (whereOperator.field) this.processOperator(whereOperator.field, whereOperator.field, whereOperator.expr);
		}
	}
	processOperator(field, operator, value) {
		const fn = this.#options.context.getOperator(OpType.QUERY, operator);
		assert(!!fn, `unknown query operator ${operator}`);
		this.#compiled.push(fn(field, value, this.#options));
	}
	/**
	* Tests whether the given object satisfies all compiled predicates.
	*
	* @template T - The type of the object to test.
	* @param obj - The object to be tested against the compiled predicates.
	* @returns `true` if the object satisfies all predicates, otherwise `false`.
	*/
	test(obj) {
		return this.#compiled.every((p) => p(obj));
	}
	/**
	* Returns a cursor for iterating over the items in the given collection that match the query criteria.
	*
	* @typeParam T - The type of the items in the resulting cursor.
	* @param collection - The source collection to search through.
	* @param projection - An optional object specifying fields to include or exclude
	*                      in the returned items.
	* @returns A `Cursor` instance for iterating over the matching items.
	*/
	find(collection, projection) {
		return new Cursor(collection, (o) => this.test(o), projection || {}, this.#options);
	}
};
// node_modules/mingo/esm/operators/_predicates.js
function elemMatchPredicate(criteria, options) {
	if (Object.keys(criteria).length === 0) return (v) => isObject$1(v);
	let format = (x) => x;
	let wrap = true;
	for (const k of Object.keys(criteria)) {
		wrap &&= isOperator(k) && "$and" !== k && "$or" !== k && "$nor" !== k;
		if (!wrap) break;
	}
	if (wrap) {
		criteria = { field: criteria };
		format = (x) => ({ field: x });
	}
	const q = new Query(criteria, options);
	return (v) => q.test(format(v));
}
function processQuery(selector, value, options, predicate) {
	let [begin, depth] = [-1, 0];
	while ((begin = selector.indexOf(".", begin + 1)) !== -1) depth++;
	const copts = ComputeOptions.init(options).update({ depth });
	const opts = { unwrapArray: true };
	if (predicate === $elemMatch$1) value = elemMatchPredicate(value, options);
	return (o) => {
		return predicate(resolve(o, selector, opts), value, copts);
	};
}
function $eq$1(a, b, options) {
	if (isEqual(a, b)) return true;
	if (isNil(a) && isNil(b)) return true;
	if (isArray(a)) {
		const depth = options?.local?.depth ?? 1;
		return a.some((v) => isEqual(v, b)) || flatten(a, depth).some((v) => isEqual(v, b));
	}
	return false;
}
function $ne$1(a, b, options) {
	return !$eq$1(a, b, options);
}
function $in$1(a, b, _options) {
	if (isNil(a)) return b.some((v) => v === null);
	const values = ensureArray(a);
	if (intersection([values, b]).length > 0) return true;
	const patterns = b.filter(isRegExp);
	return patterns.length > 0 && values.some((v) => isString(v) && patterns.some((re) => re.test(v)));
}
function $nin$1(a, b, options) {
	return !$in$1(a, b, options);
}
function $lt$1(a, b, _options) {
	return compare(a, b, (x, y) => compare$1(x, y) < 0);
}
function $lte$1(a, b, _options) {
	return compare(a, b, (x, y) => compare$1(x, y) <= 0);
}
function $gt$1(a, b, _options) {
	return compare(a, b, (x, y) => compare$1(x, y) > 0);
}
function $gte$1(a, b, _options) {
	return compare(a, b, (x, y) => compare$1(x, y) >= 0);
}
function $mod$1(a, b, _options) {
	return ensureArray(a).some(((x) => b.length === 2 && x % b[0] === b[1]));
}
function $regex$1(a, b, options) {
	const lhs = ensureArray(a);
	const match = (x) => isString(x) && truthy(b.exec(x), options?.useStrictMode);
	return lhs.some(match) || flatten(lhs, 1).some(match);
}
function $size$1(a, b, _options) {
	return Array.isArray(a) && a.length === b;
}
function $elemMatch$1(a, b, _options) {
	if (isArray(a) && a.length !== 0) {
		for (let i = 0, len = a.length; i < len; i++) if (b(a[i])) return true;
	}
	return false;
}
var isNull = (a) => a === null;
var compareFuncs = {
	array: isArray,
	boolean: isBoolean,
	bool: isBoolean,
	date: isDate,
	number: isNumber,
	int: isInteger,
	long: isInteger,
	double: isNumber,
	decimal: isNumber,
	null: isNull,
	object: isObject$1,
	regexp: isRegExp,
	regex: isRegExp,
	string: isString,
	undefined: isNil,
	1: isNumber,
	2: isString,
	3: isObject$1,
	4: isArray,
	6: isNil,
	8: isBoolean,
	9: isDate,
	10: isNull,
	11: isRegExp,
	16: isInteger,
	18: isInteger,
	19: isNumber
};
function compareType(a, b, _) {
	const f = compareFuncs[b];
	return f ? f(a) : false;
}
function $type$1(a, b, options) {
	return isArray(b) ? b.findIndex((t) => compareType(a, t, options)) >= 0 : compareType(a, b, options);
}
function compare(a, b, f) {
	for (const v of ensureArray(a)) if (typeOf(v) === typeOf(b) && f(v, b)) return true;
	return false;
}
// node_modules/mingo/esm/operators/query/array/elemMatch.js
var $elemMatch = (selector, value, options) => processQuery(selector, value, options, $elemMatch$1);
// node_modules/mingo/esm/operators/query/array/size.js
var $size = (selector, value, options) => processQuery(selector, value, options, $size$1);
// node_modules/mingo/esm/operators/query/comparison/eq.js
var $eq = (selector, value, options) => processQuery(selector, value, options, $eq$1);
// node_modules/mingo/esm/operators/query/comparison/gt.js
var $gt = (selector, value, options) => processQuery(selector, value, options, $gt$1);
// node_modules/mingo/esm/operators/query/comparison/gte.js
var $gte = (selector, value, options) => processQuery(selector, value, options, $gte$1);
// node_modules/mingo/esm/operators/query/comparison/in.js
var $in = (selector, value, options) => processQuery(selector, value, options, $in$1);
// node_modules/mingo/esm/operators/query/comparison/lt.js
var $lt = (selector, value, options) => processQuery(selector, value, options, $lt$1);
// node_modules/mingo/esm/operators/query/comparison/lte.js
var $lte = (selector, value, options) => processQuery(selector, value, options, $lte$1);
// node_modules/mingo/esm/operators/query/comparison/ne.js
var $ne = (selector, value, options) => processQuery(selector, value, options, $ne$1);
// node_modules/mingo/esm/operators/query/comparison/nin.js
var $nin = (selector, value, options) => processQuery(selector, value, options, $nin$1);
// node_modules/mingo/esm/operators/query/element/exists.js
var $exists = (selector, value, _options) => {
	const nested = selector.includes(".");
	const b = !!value;
	if (!nested || selector.match(/\.\d+$/)) return (o) => resolve(o, selector) !== void 0 === b;
	const parentSelector = selector.substring(0, selector.lastIndexOf("."));
	const opts = { preserveIndex: "default" };
	return (o) => {
		const val = resolve(resolveGraph(o, selector, opts), parentSelector);
		return isArray(val) ? val.some((v) => v !== void 0) === b : val !== void 0 === b;
	};
};
// node_modules/mingo/esm/operators/query/element/type.js
var $type = (selector, value, options) => processQuery(selector, value, options, $type$1);
// node_modules/mingo/esm/operators/query/evaluation/mod.js
var $mod = (selector, value, options) => processQuery(selector, value, options, $mod$1);
// node_modules/mingo/esm/operators/query/evaluation/regex.js
var $regex = (selector, value, options) => processQuery(selector, value, options, $regex$1);
// node_modules/mingo/esm/operators/query/logical/and.js
var $and = (_, rhs, options) => {
	assert(isArray(rhs), "$and expects value to be an Array.");
	const queries = rhs.map((expr) => new Query(expr, options));
	return (obj) => queries.every((q) => q.test(obj));
};
// node_modules/mingo/esm/operators/query/logical/or.js
function $or(_, rhs, options) {
	assert(isArray(rhs), "Invalid expression. $or expects value to be an Array");
	const queries = rhs.map((expr) => new Query(expr, options));
	return (obj) => queries.some((q) => q.test(obj));
}
// node_modules/mingo/esm/operators/query/logical/nor.js
function $nor(_, rhs, options) {
	assert(isArray(rhs), "Invalid expression. $nor expects value to be an array.");
	const f = $or("$or", rhs, options);
	return (obj) => !f(obj);
}
// node_modules/mingo/esm/operators/query/logical/not.js
function $not(selector, rhs, options) {
	const criteria = {};
	criteria[selector] = normalize(rhs);
	const query = new Query(criteria, options);
	return (obj) => !query.test(obj);
}
// node_modules/rxdb/dist/esm/rx-query-mingo.js
var mingoInitDone = false;
var context;
/**
* The MongoDB query library is huge and we do not need all the operators.
* If you add an operator here, make sure that you properly add a test in
* the file /test/unit/rx-storage-query-correctness.test.ts
*
* @link https://github.com/kofrasa/mingo#es6
*/
function getMingoQuery(selector) {
	if (!mingoInitDone) {
		context = Context.init({
			pipeline: {
				$sort,
				$project
			},
			query: {
				$elemMatch,
				$eq,
				$nor,
				$exists,
				$regex,
				$and,
				$gt,
				$gte,
				$in,
				$lt,
				$lte,
				$ne,
				$nin,
				$mod,
				$not,
				$or,
				$size,
				$type
			}
		});
		mingoInitDone = true;
	}
	return new Query(selector, { context });
}
// node_modules/rxdb/dist/esm/rx-query-helper.js
/**
* Normalize the query to ensure we have all fields set
* and queries that represent the same query logic are detected as equal by the caching.
*/
function normalizeMangoQuery(schema, mangoQuery, skipSort) {
	var primaryKey = getPrimaryFieldOfPrimaryKey(schema.primaryKey);
	var normalizedMangoQuery = clone$1(mangoQuery);
	if (typeof normalizedMangoQuery.skip !== "number") normalizedMangoQuery.skip = 0;
	if (!normalizedMangoQuery.selector) normalizedMangoQuery.selector = {};
	else {
		normalizedMangoQuery.selector = normalizedMangoQuery.selector;
		/**
		* In mango query, it is possible to have an
		* equals comparison by directly assigning a value
		* to a property, without the '$eq' operator.
		* Like:
		* selector: {
		*   foo: 'bar'
		* }
		* For normalization, we have to normalize this
		* so our checks can perform properly.
		*
		* This works recursively for nested queries that
		* contain multiple selectors via $and, $or, $nor or $not.
		*/
		normalizeQuerySelectorShorthands(normalizedMangoQuery.selector);
	}
	/**
	* Ensure that if an index is specified,
	* the primaryKey is inside of it.
	*/
	if (normalizedMangoQuery.index) {
		var indexAr = toArray(normalizedMangoQuery.index);
		if (!indexAr.includes(primaryKey)) indexAr.push(primaryKey);
		normalizedMangoQuery.index = indexAr;
	}
	/**
	* To ensure a deterministic sorting,
	* we have to ensure the primary key is always part
	* of the sort query.
	* Primary sorting is added as last sort parameter,
	* similar to how we add the primary key to indexes that do not have it.
	*
	*/
	if (skipSort && !normalizedMangoQuery.sort)
 /**
	* @performance
	* Count queries do not need sorted results.
	* Use a simple primary key sort to avoid the expensive
	* index-matching sort computation.
	*/
	normalizedMangoQuery.sort = [{ [primaryKey]: "asc" }];
	else if (!normalizedMangoQuery.sort) {
		/**
		* If no sort is given at all,
		* we can assume that the user does not care about sort order at al.
		*
		* we cannot just use the primary key as sort parameter
		* because it would likely cause the query to run over the primary key index
		* which has a bad performance in most cases.
		*/
		if (normalizedMangoQuery.index) normalizedMangoQuery.sort = normalizedMangoQuery.index.map((field) => {
			return { [field]: "asc" };
		});
		else {
			/**
			* Find the index that best matches the fields with the logical operators
			*/
			if (schema.indexes) {
				var fieldsWithLogicalOperator = /* @__PURE__ */ new Set();
				Object.entries(normalizedMangoQuery.selector).forEach(([field, matcher]) => {
					var hasLogical;
					if (typeof matcher === "object" && matcher !== null) hasLogical = !!Object.keys(matcher).find((operator) => LOGICAL_OPERATORS.has(operator));
					else hasLogical = true;
					if (hasLogical) fieldsWithLogicalOperator.add(field);
				});
				var currentFieldsAmount = -1;
				var currentBestIndexForSort;
				schema.indexes.forEach((index) => {
					var useIndex = isMaybeReadonlyArray(index) ? index : [index];
					var firstWrongIndex = useIndex.findIndex((indexField) => !fieldsWithLogicalOperator.has(indexField));
					var matchingFieldCount = firstWrongIndex === -1 ? useIndex.length : firstWrongIndex;
					if (matchingFieldCount > 0 && matchingFieldCount > currentFieldsAmount) {
						currentFieldsAmount = matchingFieldCount;
						currentBestIndexForSort = useIndex;
					}
				});
				if (currentBestIndexForSort) normalizedMangoQuery.sort = currentBestIndexForSort.map((field) => {
					return { [field]: "asc" };
				});
			}
			/**
			* If no good index was found as default sort-order,
			* just use the first index of the schema.
			* If no index is in the schema, use the default-index which
			* is created by RxDB ONLY if there is no other index defined.
			*/
			if (!normalizedMangoQuery.sort) {
				if (schema.indexes && schema.indexes.length > 0) {
					var firstIndex = schema.indexes[0];
					normalizedMangoQuery.sort = (isMaybeReadonlyArray(firstIndex) ? firstIndex : [firstIndex]).map((field) => ({ [field]: "asc" }));
				} else normalizedMangoQuery.sort = [{ [primaryKey]: "asc" }];
			}
		}
	} else if (!normalizedMangoQuery.sort.find((p) => firstPropertyNameOfObject(p) === primaryKey)) {
		normalizedMangoQuery.sort = normalizedMangoQuery.sort.slice(0);
		normalizedMangoQuery.sort.push({ [primaryKey]: "asc" });
	}
	return normalizedMangoQuery;
}
/**
* Returns the sort-comparator,
* which is able to sort documents in the same way
* a query over the db would do.
*/
function getSortComparator(_schema, query) {
	if (!query.sort) throw newRxError("SNH", { query });
	var sortParts = [];
	query.sort.forEach((sortBlock) => {
		var key = Object.keys(sortBlock)[0];
		var direction = Object.values(sortBlock)[0];
		sortParts.push({
			key,
			direction,
			getValueFn: objectPathMonad(key)
		});
	});
	var fun = (a, b) => {
		for (var i = 0; i < sortParts.length; ++i) {
			var sortPart = sortParts[i];
			var valueA = sortPart.getValueFn(a);
			var valueB = sortPart.getValueFn(b);
			if (valueA !== valueB) {
				/**
				* @performance
				* Use a fast inline comparison for common types (string, number)
				* instead of the more general mingoSortComparator.
				* Mingo's compare does extra type checks that are unnecessary
				* when both values share the same primitive type.
				*/
				var dirMultiplier = sortPart.direction === "asc" ? 1 : -1;
				var typeA = typeof valueA;
				if (typeA === typeof valueB && (typeA === "string" || typeA === "number")) return (valueA < valueB ? -1 : 1) * dirMultiplier;
				return sortPart.direction === "asc" ? compare$1(valueA, valueB) : compare$1(valueB, valueA);
			}
		}
	};
	return fun;
}
/**
* Returns a function
* that can be used to check if a document
* matches the query.
*/
function getQueryMatcher(_schema, query) {
	if (!query.sort) throw newRxError("SNH", { query });
	var mingoQuery = getMingoQuery(query.selector);
	var fun = (doc) => {
		return mingoQuery.test(doc);
	};
	return fun;
}
async function runQueryUpdateFunction(rxQuery, fn) {
	var docs = await rxQuery.exec();
	if (!docs) return null;
	if (Array.isArray(docs)) return Promise.all(docs.map((doc) => fn(doc)));
	else if (docs instanceof Map) {
		var resultMap = /* @__PURE__ */ new Map();
		await Promise.all([...docs.entries()].map(async ([key, doc]) => {
			var updatedDoc = await fn(doc);
			resultMap.set(key, updatedDoc);
		}));
		return resultMap;
	} else return await fn(docs);
}
/**
* Normalizes selector shorthand values recursively.
* Converts `{field: value}` to `{field: {$eq: value}}`
* and recurses into $and, $or, $nor arrays and $not objects.
*/
var SELECTOR_ARRAY_OPERATORS = /* @__PURE__ */ new Set([
	"$and",
	"$or",
	"$nor"
]);
var SELECTOR_OBJECT_OPERATORS = /* @__PURE__ */ new Set(["$not"]);
function shouldNormalizeElemMatchSelector(elemMatch) {
	var keys = Object.keys(elemMatch);
	if (keys.length === 0) return false;
	/**
	* If at least one key is not an operator,
	* it is a nested selector object and shorthand values
	* should be normalized.
	*/
	if (keys.some((key) => !key.startsWith("$"))) return true;
	/**
	* If all keys are operators, only recurse for selector operators.
	* This avoids breaking operator payloads like
	* { $regex: 'x', $options: 'i' } or { $eq: 'foo' }.
	*/
	return keys.some((key) => SELECTOR_ARRAY_OPERATORS.has(key) || SELECTOR_OBJECT_OPERATORS.has(key));
}
function normalizeQuerySelectorShorthands(selector) {
	Object.entries(selector).forEach(([field, matcher]) => {
		if (typeof matcher !== "object" || matcher === null) selector[field] = { $eq: matcher };
		else if (SELECTOR_ARRAY_OPERATORS.has(field) && Array.isArray(matcher)) matcher.forEach((subSelector) => normalizeQuerySelectorShorthands(subSelector));
		else if (field === "$not" && typeof matcher === "object") normalizeQuerySelectorShorthands(matcher);
		else if (!field.startsWith("$") && typeof matcher === "object") {
			/**
			* Recurse into field-level operator objects to normalize
			* sub-selectors like $elemMatch which contain nested selectors.
			*/
			var matcherObj = matcher;
			if (matcherObj.$elemMatch && typeof matcherObj.$elemMatch === "object" && shouldNormalizeElemMatchSelector(matcherObj.$elemMatch)) normalizeQuerySelectorShorthands(matcherObj.$elemMatch);
		}
	});
}
/**
* @returns a format of the query that can be used with the storage
* when calling RxStorageInstance().query()
*/
function prepareQuery(schema, mutateableQuery) {
	if (!mutateableQuery.sort) throw newRxError("SNH", { query: mutateableQuery });
	return {
		query: mutateableQuery,
		queryPlan: getQueryPlan(schema, mutateableQuery)
	};
}
// node_modules/rxdb/dist/esm/plugins/storage-dexie/dexie-query.js
function mapKeyForKeyRange(k) {
	if (k === INDEX_MIN) return -Infinity;
	else return k;
}
function rangeFieldToBooleanSubstitute(booleanIndexes, fieldName, value) {
	if (booleanIndexes.includes(fieldName)) return value === "￿" || value === true ? "1" : "0";
	else return value;
}
function getKeyRangeByQueryPlan(booleanIndexes, queryPlan, IDBKeyRange) {
	if (!IDBKeyRange) {
		if (typeof window === "undefined") throw new Error("IDBKeyRange missing");
		else IDBKeyRange = window.IDBKeyRange;
	}
	var startKeys = queryPlan.startKeys.map((v, i) => {
		var fieldName = queryPlan.index[i];
		return rangeFieldToBooleanSubstitute(booleanIndexes, fieldName, v);
	}).map(mapKeyForKeyRange);
	var endKeys = queryPlan.endKeys.map((v, i) => {
		var fieldName = queryPlan.index[i];
		return rangeFieldToBooleanSubstitute(booleanIndexes, fieldName, v);
	}).map(mapKeyForKeyRange);
	return IDBKeyRange.bound(startKeys, endKeys, !queryPlan.inclusiveStart, !queryPlan.inclusiveEnd);
}
/**
* Runs mango queries over the Dexie.js database.
*/
async function dexieQuery(instance, preparedQuery) {
	var state = await instance.internals;
	var query = preparedQuery.query;
	var skip = query.skip ? query.skip : 0;
	var skipPlusLimit = skip + (typeof query.limit === "number" ? query.limit : Infinity);
	var queryPlan = preparedQuery.queryPlan;
	var queryMatcher = false;
	if (!queryPlan.selectorSatisfiedByIndex) queryMatcher = getQueryMatcher(instance.schema, preparedQuery.query);
	var keyRange;
	try {
		keyRange = getKeyRangeByQueryPlan(state.booleanIndexes, queryPlan, state.dexieDb._options.IDBKeyRange);
	} catch (err) {
		if (err.name === "DataError") return { documents: [] };
		throw err;
	}
	var queryPlanFields = queryPlan.index;
	var rows = [];
	await state.dexieDb.transaction("r", state.dexieTable, async (dexieTx) => {
		var store = dexieTx.idbtrans.objectStore(DEXIE_DOCS_TABLE_NAME);
		var index;
		var indexName = "[" + queryPlanFields.map((field) => dexieReplaceIfStartsWithPipe(field)).join("+") + "]";
		index = store.index(indexName);
		var cursorReq = index.openCursor(keyRange);
		await new Promise((res) => {
			cursorReq.onsuccess = function(e) {
				var cursor = e.target.result;
				if (cursor) {
					var docData = fromDexieToStorage(state.booleanIndexes, cursor.value);
					if (!queryMatcher || queryMatcher(docData)) rows.push(docData);
					/**
					* If we do not have to manually sort
					* and have enough documents,
					* we can abort iterating over the cursor
					* because we already have every relevant document.
					*/
					if (queryPlan.sortSatisfiedByIndex && rows.length === skipPlusLimit) res();
					else cursor.continue();
				} else res();
			};
		});
	});
	if (!queryPlan.sortSatisfiedByIndex) {
		var sortComparator = getSortComparator(instance.schema, preparedQuery.query);
		rows = rows.sort(sortComparator);
	}
	rows = rows.slice(skip, skipPlusLimit);
	/**
	* Comment this in for debugging to check all fields in the database.
	*/
	return { documents: rows };
}
async function dexieCount(instance, preparedQuery) {
	var state = await instance.internals;
	var queryPlan = preparedQuery.queryPlan;
	var queryPlanFields = queryPlan.index;
	var keyRange;
	try {
		keyRange = getKeyRangeByQueryPlan(state.booleanIndexes, queryPlan, state.dexieDb._options.IDBKeyRange);
	} catch (err) {
		if (err.name === "DataError") return 0;
		throw err;
	}
	var count = -1;
	await state.dexieDb.transaction("r", state.dexieTable, async (dexieTx) => {
		var store = dexieTx.idbtrans.objectStore(DEXIE_DOCS_TABLE_NAME);
		var index;
		var indexName = "[" + queryPlanFields.map((field) => dexieReplaceIfStartsWithPipe(field)).join("+") + "]";
		index = store.index(indexName);
		var request = index.count(keyRange);
		count = await new Promise((res, rej) => {
			request.onsuccess = function() {
				res(request.result);
			};
			request.onerror = (err) => rej(err);
		});
	});
	return count;
}
// node_modules/rxdb/dist/esm/hooks.js
/**
* hook-functions that can be extended by the plugin
*/
var HOOKS = {
	/**
	* Runs before a plugin is added.
	* Use this to block the usage of non-compatible plugins.
	*/
	preAddRxPlugin: [],
	/**
	* functions that run before the database is created
	*/
	preCreateRxDatabase: [],
	/**
	* runs after the database is created and prepared
	* but before the instance is returned to the user
	* @async
	*/
	createRxDatabase: [],
	preCreateRxCollection: [],
	createRxCollection: [],
	createRxState: [],
	/**
	* runs at the end of the close-process of a collection
	* @async
	*/
	postCloseRxCollection: [],
	/**
	* Runs after a collection is removed.
	* @async
	*/
	postRemoveRxCollection: [],
	/**
	* functions that get the json-schema as input
	* to do additionally checks/manipulation
	*/
	preCreateRxSchema: [],
	/**
	* functions that run after the RxSchema is created
	* gets RxSchema as attribute
	*/
	createRxSchema: [],
	prePrepareRxQuery: [],
	preCreateRxQuery: [],
	/**
	* Runs before a query is sent to the
	* prepareQuery function of the storage engine.
	*/
	prePrepareQuery: [],
	createRxDocument: [],
	/**
	* runs after a RxDocument is created,
	* cannot be async
	*/
	postCreateRxDocument: [],
	/**
	* Runs before a RxStorageInstance is created
	* gets the params of createStorageInstance()
	* as attribute so you can manipulate them.
	* Notice that you have to clone stuff before mutating the inputs.
	*/
	preCreateRxStorageInstance: [],
	preStorageWrite: [],
	/**
	* runs on the document-data before the document is migrated
	* {
	*   doc: Object, // original doc-data
	*   migrated: // migrated doc-data after run through migration-strategies
	* }
	*/
	preMigrateDocument: [],
	/**
	* runs after the migration of a document has been done
	*/
	postMigrateDocument: [],
	/**
	* runs at the beginning of the close-process of a database
	*/
	preCloseRxDatabase: [],
	/**
	* runs after a database has been removed
	* @async
	*/
	postRemoveRxDatabase: [],
	postCleanup: [],
	/**
	* runs before the replication writes the rows to master
	* but before the rows have been modified
	* @async
	*/
	preReplicationMasterWrite: [],
	/**
	* runs after the replication has been sent to the server
	* but before the new documents have been handled
	* @async
	*/
	preReplicationMasterWriteDocumentsHandle: []
};
function runPluginHooks(hookKey, obj) {
	if (HOOKS[hookKey].length > 0) HOOKS[hookKey].forEach((fun) => fun(obj));
}
/**
* We do intentionally not run the hooks in parallel
* because that makes stuff unpredictable and we use runAsyncPluginHooks()
* only in places that are not that relevant for performance.
*/
async function runAsyncPluginHooks(hookKey, obj) {
	for (var fn of HOOKS[hookKey]) await fn(obj);
}
// node_modules/rxdb/dist/esm/rx-storage-helper.js
/**
* Helper functions for accessing the RxStorage instances.
*/
var INTERNAL_STORAGE_NAME = "_rxdb_internal";
/**
* Context string used by RxCollection.bulkInsert().
* Documents written with this context are already cloned
* by fillObjectDataBeforeInsert(), so the wrapped storage
* can safely mutate them in place instead of cloning again.
*/
var RX_COLLECTION_BULK_INSERT_CONTEXT = "rx-collection-bulk-insert";
/**
* Set of bulkWrite context strings whose documents
* are already cloned by the caller and can be safely
* mutated in place (skip flatClone in the insert path).
*
* Plugins can register additional contexts via
* registerMutableWriteContext().
*/
var MUTABLE_DOCUMENT_WRITE_CONTEXTS = /* @__PURE__ */ new Set([RX_COLLECTION_BULK_INSERT_CONTEXT]);
async function getSingleDocument(storageInstance, documentId) {
	var doc = (await storageInstance.findDocumentsById([documentId], false))[0];
	if (doc) return doc;
	else return;
}
/**
* Writes a single document,
* throws RxStorageBulkWriteError on failure
*/
async function writeSingle(instance, writeRow, context) {
	var writeResult = await instance.bulkWrite([writeRow], context);
	if (writeResult.error.length > 0) throw writeResult.error[0];
	else return getWrittenDocumentsFromBulkWriteResponse(getPrimaryFieldOfPrimaryKey(instance.schema.primaryKey), [writeRow], writeResult)[0];
}
/**
* Checkpoints must be stackable over another.
* This is required form some RxStorage implementations
* like the sharding plugin, where a checkpoint only represents
* the document state from some, but not all shards.
*/
function stackCheckpoints(checkpoints) {
	return Object.assign({}, ...checkpoints.filter((x) => !!x));
}
function throwIfIsStorageWriteError(collection, documentId, writeData, error) {
	if (error) {
		if (error.status === 409) throw newRxError("CONFLICT", {
			collection: collection.name,
			id: documentId,
			writeError: error,
			data: writeData
		});
		else if (error.status === 422) throw newRxError("VD2", {
			collection: collection.name,
			id: documentId,
			writeError: error,
			data: writeData
		});
		else throw error;
	}
}
/**
* Use a counter-based event bulk ID instead of randomToken()
* for better performance. The prefix ensures uniqueness across instances.
*/
var EVENT_BULK_ID_PREFIX = randomToken$1(10);
var eventBulkCounter = 0;
function nextEventBulkId() {
	return EVENT_BULK_ID_PREFIX + ++eventBulkCounter;
}
/**
* Analyzes a list of BulkWriteRows and determines
* which documents must be inserted, updated or deleted
* and which events must be emitted and which documents cause a conflict
* and must not be written.
* Used as helper inside of some RxStorage implementations.
* @hotPath The performance of this function is critical
*/
function categorizeBulkWriteRows(storageInstance, primaryPath, docsInDb, bulkWriteRows, context, onInsert, onUpdate) {
	var hasAttachments = !!storageInstance.schema.attachments;
	var bulkInsertDocs = [];
	var bulkUpdateDocs = [];
	var errors = [];
	var eventBulk = {
		id: nextEventBulkId(),
		events: [],
		checkpoint: null,
		context
	};
	var eventBulkEvents = eventBulk.events;
	var attachmentsAdd = [];
	var attachmentsRemove = [];
	var attachmentsUpdate = [];
	var hasDocsInDb = docsInDb.size > 0;
	var newestRow;
	/**
	* @performance is really important in this loop!
	*/
	var rowAmount = bulkWriteRows.length;
	for (var rowId = 0; rowId < rowAmount; rowId++) {
		var writeRow = bulkWriteRows[rowId];
		var document = writeRow.document;
		var previous = writeRow.previous;
		var docId = document[primaryPath];
		var documentDeleted = document._deleted;
		var previousDeleted = previous && previous._deleted;
		var documentInDb = void 0;
		if (hasDocsInDb) documentInDb = docsInDb.get(docId);
		var attachmentError = void 0;
		if (!documentInDb) {
			/**
			* It is possible to insert already deleted documents,
			* this can happen on replication.
			*/
			if (hasAttachments) {
				var atts = document._attachments;
				var attKeys = Object.keys(atts);
				for (var a = 0; a < attKeys.length; a++) {
					var attachmentId = attKeys[a];
					var attachmentData = atts[attachmentId];
					if (!attachmentData.data) {
						attachmentError = {
							documentId: docId,
							isError: true,
							status: 510,
							writeRow,
							attachmentId,
							context
						};
						errors.push(attachmentError);
					} else attachmentsAdd.push({
						documentId: docId,
						attachmentId,
						attachmentData,
						digest: attachmentData.digest
					});
				}
			}
			var insertedRow = void 0;
			if (!attachmentError) {
				var row = hasAttachments ? stripAttachmentsDataFromRow(writeRow) : writeRow;
				insertedRow = row;
				bulkInsertDocs.push(row);
				if (onInsert) onInsert(document);
				newestRow = row;
			}
			if (!documentDeleted) {
				var eventDocData = document;
				if (hasAttachments) eventDocData = insertedRow ? insertedRow.document : stripAttachmentsDataFromDocument(document);
				var event = {
					documentId: docId,
					operation: "INSERT",
					documentData: eventDocData,
					previousDocumentData: hasAttachments && previous ? stripAttachmentsDataFromDocument(previous) : previous
				};
				eventBulkEvents.push(event);
			}
		} else {
			var revInDb = documentInDb._rev;
			/**
			* Check for conflict
			*/
			if (!previous || !!previous && revInDb !== previous._rev) {
				var err = {
					isError: true,
					status: 409,
					documentId: docId,
					writeRow,
					documentInDb,
					context
				};
				errors.push(err);
				continue;
			}
			var updatedRow = hasAttachments ? stripAttachmentsDataFromRow(writeRow) : writeRow;
			if (hasAttachments) {
				if (documentDeleted) {
					/**
					* Deleted documents must have cleared all their attachments.
					*/
					if (previous) {
						var prevAtts = previous._attachments;
						var prevAttKeys = Object.keys(prevAtts);
						for (var _a = 0; _a < prevAttKeys.length; _a++) {
							var _attachmentId = prevAttKeys[_a];
							attachmentsRemove.push({
								documentId: docId,
								attachmentId: _attachmentId,
								digest: prevAtts[_attachmentId].digest
							});
						}
					}
				} else {
					var docAtts = document._attachments;
					var docAttKeys = Object.keys(docAtts);
					for (var _a2 = 0; _a2 < docAttKeys.length; _a2++) {
						var _attachmentId2 = docAttKeys[_a2];
						var _attachmentData = docAtts[_attachmentId2];
						if (!(previous ? previous._attachments[_attachmentId2] : void 0) && !_attachmentData.data) {
							attachmentError = {
								documentId: docId,
								documentInDb,
								isError: true,
								status: 510,
								writeRow,
								attachmentId: _attachmentId2,
								context
							};
							break;
						}
					}
					if (!attachmentError) {
						for (var _a3 = 0; _a3 < docAttKeys.length; _a3++) {
							var _attachmentId3 = docAttKeys[_a3];
							var _attachmentData2 = docAtts[_attachmentId3];
							var _previousAttachmentData = previous ? previous._attachments[_attachmentId3] : void 0;
							if (!_previousAttachmentData) attachmentsAdd.push({
								documentId: docId,
								attachmentId: _attachmentId3,
								attachmentData: _attachmentData2,
								digest: _attachmentData2.digest
							});
							else {
								var newDigest = updatedRow.document._attachments[_attachmentId3].digest;
								if (_attachmentData2.data && _previousAttachmentData.digest !== newDigest) attachmentsUpdate.push({
									documentId: docId,
									attachmentId: _attachmentId3,
									attachmentData: _attachmentData2,
									digest: _attachmentData2.digest
								});
							}
						}
						/**
						* Detect attachments that have been removed
						* (present in previous but missing from the new document).
						*/
						if (previous) {
							var _prevAtts = previous._attachments;
							var _prevAttKeys = Object.keys(_prevAtts);
							for (var _a4 = 0; _a4 < _prevAttKeys.length; _a4++) {
								var _attachmentId4 = _prevAttKeys[_a4];
								if (!docAtts[_attachmentId4]) attachmentsRemove.push({
									documentId: docId,
									attachmentId: _attachmentId4,
									digest: _prevAtts[_attachmentId4].digest
								});
							}
						}
					}
				}
			}
			if (attachmentError) errors.push(attachmentError);
			else {
				/**
				* updatedRow already has attachments stripped (line above),
				* so push it directly without stripping again.
				*/
				bulkUpdateDocs.push(updatedRow);
				if (onUpdate) onUpdate(document);
				newestRow = updatedRow;
			}
			var eventDocumentData = void 0;
			var previousEventDocumentData = null;
			var operation = void 0;
			if (previousDeleted && !documentDeleted) {
				operation = "INSERT";
				/**
				* Reuse the already-stripped document from updatedRow
				* instead of calling stripAttachmentsDataFromDocument() again.
				*/
				eventDocumentData = hasAttachments ? updatedRow.document : document;
			} else if (previous && !previousDeleted && !documentDeleted) {
				operation = "UPDATE";
				eventDocumentData = hasAttachments ? updatedRow.document : document;
				previousEventDocumentData = previous;
			} else if (documentDeleted) {
				operation = "DELETE";
				eventDocumentData = ensureNotFalsy(document);
				previousEventDocumentData = previous;
			} else throw newRxError("SNH", { args: { writeRow } });
			var _event = {
				documentId: docId,
				documentData: eventDocumentData,
				previousDocumentData: previousEventDocumentData,
				operation
			};
			eventBulkEvents.push(_event);
		}
	}
	return {
		bulkInsertDocs,
		bulkUpdateDocs,
		newestRow,
		errors,
		eventBulk,
		attachmentsAdd,
		attachmentsRemove,
		attachmentsUpdate
	};
}
function stripAttachmentsDataFromRow(writeRow) {
	return {
		previous: writeRow.previous,
		document: stripAttachmentsDataFromDocument(writeRow.document)
	};
}
/**
* Used in custom RxStorage implementations.
*/
function attachmentWriteDataToNormalData(writeData) {
	var data = writeData.data;
	if (!data) return writeData;
	return {
		length: data.size,
		digest: writeData.digest,
		type: writeData.type
	};
}
function stripAttachmentsDataFromDocument(doc) {
	var atts = doc._attachments;
	if (!atts) return doc;
	var hasAnyAttachment = false;
	for (var key in atts) if (Object.prototype.hasOwnProperty.call(atts, key)) {
		hasAnyAttachment = true;
		break;
	}
	if (!hasAnyAttachment) return doc;
	var useDoc = flatClone(doc);
	var destAtts = {};
	var attKeys = Object.keys(atts);
	for (var i = 0; i < attKeys.length; i++) {
		var attachmentId = attKeys[i];
		destAtts[attachmentId] = attachmentWriteDataToNormalData(atts[attachmentId]);
	}
	useDoc._attachments = destAtts;
	return useDoc;
}
/**
* Flat clone the document data
* and also the _meta field.
* Used many times when we want to change the meta
* during replication etc.
*/
function flatCloneDocWithMeta(doc) {
	return {
		...doc,
		_meta: { ...doc._meta }
	};
}
/**
* Wraps the normal storageInstance of a RxCollection
* to ensure that all access is properly using the hooks
* and other data transformations and also ensure that database.lockedRun()
* is used properly.
*/
function getWrappedStorageInstance(database, storageInstance, rxJsonSchema) {
	overwritable.deepFreezeWhenDevMode(rxJsonSchema);
	var primaryPath = getPrimaryFieldOfPrimaryKey(storageInstance.schema.primaryKey);
	var ret = {
		originalStorageInstance: storageInstance,
		schema: storageInstance.schema,
		internals: storageInstance.internals,
		collectionName: storageInstance.collectionName,
		databaseName: storageInstance.databaseName,
		options: storageInstance.options,
		async bulkWrite(rows, context) {
			var databaseToken = database.token;
			/**
			* Use the same timestamp for all docs of this rows-set.
			* This improves performance because calling Date.now() inside of the now() function
			* is too costly.
			*/
			var time = now$1();
			/**
			* Pre-compute the first revision string for inserts (no previous document).
			* This avoids repeated string concatenation and getHeightOfRevision() calls
			* inside the hot loop.
			*/
			var firstRevision = "1-" + databaseToken;
			/**
			* Share a single _meta object for all insert rows in this batch.
			* All inserts in the same bulkWrite share the same timestamp,
			* so we avoid creating a new { lwt: time } object per row.
			* This shared reference is safe because:
			* - All documents in one batch receive identical metadata values.
			* - When a document is later updated, flatCloneDocWithMeta() creates
			*   a new _meta object, so the shared reference is never mutated.
			*/
			var insertMeta = { lwt: time };
			/**
			* When the caller has already cloned the documents (registered
			* via MUTABLE_DOCUMENT_WRITE_CONTEXTS), we can mutate them
			* in place and reuse the input array, avoiding redundant
			* flatClone() and wrapper-object allocations on every insert row.
			*/
			var isMutableContext = MUTABLE_DOCUMENT_WRITE_CONTEXTS.has(context);
			var toStorageWriteRows;
			if (isMutableContext) {
				/**
				* Fast path: documents are already cloned by the caller.
				* Set _meta/_rev directly on the document and reuse the
				* input rows array without allocating wrapper objects.
				*/
				for (var index = 0; index < rows.length; index++) {
					var document = rows[index].document;
					document._meta = insertMeta;
					document._rev = firstRevision;
				}
				toStorageWriteRows = rows;
			} else {
				toStorageWriteRows = new Array(rows.length);
				for (var _index = 0; _index < rows.length; _index++) {
					var writeRow = rows[_index];
					var previous = writeRow.previous;
					var _document = void 0;
					if (previous) {
						_document = flatCloneDocWithMeta(writeRow.document);
						_document._meta.lwt = time;
						_document._rev = createRevision(databaseToken, previous);
					} else {
						/**
						* Insert path: flatClone is required because the input document
						* may be a direct reference to another storage's internal data
						* (e.g., during migration, query results from the old storage are
						* passed directly as insert rows to the new storage).
						*
						* Use a shared insertMeta object instead of allocating { lwt: time }
						* per row, since all inserts in the same batch share the same timestamp.
						*/
						_document = flatClone(writeRow.document);
						_document._meta = insertMeta;
						_document._rev = firstRevision;
					}
					toStorageWriteRows[_index] = {
						document: _document,
						previous
					};
				}
			}
			if (HOOKS.preStorageWrite.length > 0) runPluginHooks("preStorageWrite", {
				storageInstance: this.originalStorageInstance,
				rows: toStorageWriteRows
			});
			var writeResult = await database.lockedRun(() => storageInstance.bulkWrite(toStorageWriteRows, context));
			/**
			* The RxStorageInstance MUST NOT allow to insert already _deleted documents,
			* without sending the previous document version.
			* But for better developer experience, RxDB does allow to re-insert deleted documents.
			* We do this by automatically fixing the conflict errors for that case
			* by running another bulkWrite() and merging the results.
			* @link https://github.com/pubkey/rxdb/pull/3839
			*/
			/**
			* Fast path: when there are no errors, skip the wrapper object creation
			* and error filtering to reduce allocations.
			*/
			if (writeResult.error.length === 0) {
				BULK_WRITE_ROWS_BY_RESPONSE.set(writeResult, toStorageWriteRows);
				return writeResult;
			}
			var useWriteResult = { error: [] };
			BULK_WRITE_ROWS_BY_RESPONSE.set(useWriteResult, toStorageWriteRows);
			var reInsertErrors = writeResult.error.filter((error) => {
				if (error.status === 409 && !error.writeRow.previous && !error.writeRow.document._deleted && ensureNotFalsy(error.documentInDb)._deleted) return true;
				useWriteResult.error.push(error);
				return false;
			});
			if (reInsertErrors.length > 0) {
				var reInsertIds = /* @__PURE__ */ new Set();
				var reInserts = reInsertErrors.map((error) => {
					reInsertIds.add(error.documentId);
					return {
						previous: error.documentInDb,
						document: Object.assign({}, error.writeRow.document, { _rev: createRevision(database.token, error.documentInDb) })
					};
				});
				var subResult = await database.lockedRun(() => storageInstance.bulkWrite(reInserts, context));
				useWriteResult.error = useWriteResult.error.concat(subResult.error);
				var successArray = getWrittenDocumentsFromBulkWriteResponse(primaryPath, toStorageWriteRows, useWriteResult, reInsertIds);
				var subSuccess = getWrittenDocumentsFromBulkWriteResponse(primaryPath, reInserts, subResult);
				successArray.push(...subSuccess);
				return useWriteResult;
			}
			return useWriteResult;
		},
		query(preparedQuery) {
			return database.lockedRun(() => storageInstance.query(preparedQuery));
		},
		count(preparedQuery) {
			return database.lockedRun(() => storageInstance.count(preparedQuery));
		},
		findDocumentsById(ids, deleted) {
			return database.lockedRun(() => storageInstance.findDocumentsById(ids, deleted));
		},
		getAttachmentData(documentId, attachmentId, digest) {
			return database.lockedRun(() => storageInstance.getAttachmentData(documentId, attachmentId, digest));
		},
		getChangedDocumentsSince: !storageInstance.getChangedDocumentsSince ? void 0 : (limit, checkpoint) => {
			return database.lockedRun(() => storageInstance.getChangedDocumentsSince(ensureNotFalsy(limit), checkpoint));
		},
		cleanup(minDeletedTime) {
			return database.lockedRun(() => storageInstance.cleanup(minDeletedTime));
		},
		remove() {
			database.storageInstances.delete(ret);
			return database.lockedRun(() => storageInstance.remove());
		},
		close() {
			database.storageInstances.delete(ret);
			return database.lockedRun(() => storageInstance.close());
		},
		changeStream() {
			return storageInstance.changeStream();
		}
	};
	database.storageInstances.add(ret);
	return ret;
}
/**
* Each RxStorage implementation should
* run this method at the first step of createStorageInstance()
* to ensure that the configuration is correct.
*/
function ensureRxStorageInstanceParamsAreCorrect(params) {
	if (params.schema.keyCompression) throw newRxError("UT5", { args: { params } });
	if (hasEncryption(params.schema)) throw newRxError("UT6", { args: { params } });
	if (params.schema.attachments && params.schema.attachments.compression) throw newRxError("UT7", { args: { params } });
}
function hasEncryption(jsonSchema) {
	if (!!jsonSchema.encrypted && jsonSchema.encrypted.length > 0 || jsonSchema.attachments && jsonSchema.attachments.encrypted) return true;
	else return false;
}
function getChangedDocumentsSinceQuery(storageInstance, limit, checkpoint) {
	var primaryPath = getPrimaryFieldOfPrimaryKey(storageInstance.schema.primaryKey);
	var sinceLwt = checkpoint ? checkpoint.lwt : 1;
	var sinceId = checkpoint ? checkpoint.id : "";
	return normalizeMangoQuery(storageInstance.schema, {
		selector: {
			$or: [{ "_meta.lwt": { $gt: sinceLwt } }, {
				"_meta.lwt": { $eq: sinceLwt },
				[primaryPath]: { $gt: checkpoint ? sinceId : "" }
			}],
			"_meta.lwt": { $gte: sinceLwt }
		},
		sort: [{ "_meta.lwt": "asc" }, { [primaryPath]: "asc" }],
		skip: 0,
		limit
	});
}
async function getChangedDocumentsSince(storageInstance, limit, checkpoint) {
	if (storageInstance.getChangedDocumentsSince) return storageInstance.getChangedDocumentsSince(limit, checkpoint);
	var primaryPath = getPrimaryFieldOfPrimaryKey(storageInstance.schema.primaryKey);
	var query = prepareQuery(storageInstance.schema, getChangedDocumentsSinceQuery(storageInstance, limit, checkpoint));
	var documents = (await storageInstance.query(query)).documents;
	var lastDoc = lastOfArray(documents);
	return {
		documents,
		checkpoint: lastDoc ? {
			id: lastDoc[primaryPath],
			lwt: lastDoc._meta.lwt
		} : checkpoint ? checkpoint : {
			id: "",
			lwt: 0
		}
	};
}
var BULK_WRITE_ROWS_BY_RESPONSE = /* @__PURE__ */ new WeakMap();
var BULK_WRITE_SUCCESS_MAP = /* @__PURE__ */ new WeakMap();
/**
* For better performance, this is done only when accessed
* because most of the time we do not need the results, only the errors.
*/
function getWrittenDocumentsFromBulkWriteResponse(primaryPath, writeRows, response, reInsertIds) {
	return getFromMapOrCreate(BULK_WRITE_SUCCESS_MAP, response, () => {
		var ret = [];
		var realWriteRows = BULK_WRITE_ROWS_BY_RESPONSE.get(response);
		if (!realWriteRows) realWriteRows = writeRows;
		if (response.error.length > 0 || reInsertIds) {
			var errorIds = reInsertIds ? reInsertIds : /* @__PURE__ */ new Set();
			for (var index = 0; index < response.error.length; index++) {
				var error = response.error[index];
				errorIds.add(error.documentId);
			}
			for (var _index2 = 0; _index2 < realWriteRows.length; _index2++) {
				var doc = realWriteRows[_index2].document;
				if (!errorIds.has(doc[primaryPath])) ret.push(stripAttachmentsDataFromDocument(doc));
			}
		} else {
			ret.length = writeRows.length - response.error.length;
			for (var _index3 = 0; _index3 < realWriteRows.length; _index3++) {
				var _doc = realWriteRows[_index3].document;
				ret[_index3] = stripAttachmentsDataFromDocument(_doc);
			}
		}
		return ret;
	});
}
// node_modules/broadcast-channel/dist/esbrowser/util.js
/**
* returns true if the given object is a promise
*/
function isPromise(obj) {
	return obj && typeof obj.then === "function";
}
Promise.resolve(false);
var PROMISE_RESOLVED_TRUE = Promise.resolve(true);
var PROMISE_RESOLVED_VOID = Promise.resolve();
function sleep(time, resolveWith) {
	if (!time) time = 0;
	return new Promise(function(res) {
		return setTimeout(function() {
			return res(resolveWith);
		}, time);
	});
}
function randomInt(min, max) {
	return Math.floor(Math.random() * (max - min + 1) + min);
}
/**
* https://stackoverflow.com/a/8084248
*/
function randomToken() {
	return Math.random().toString(36).substring(2);
}
var lastMs = 0;
/**
* Returns the current unix time in micro-seconds,
* WARNING: This is a pseudo-function
* Performance.now is not reliable in webworkers, so we just make sure to never return the same time.
* This is enough in browsers, and this function will not be used in nodejs.
* The main reason for this hack is to ensure that BroadcastChannel behaves equal to production when it is used in fast-running unit tests.
*/
function microSeconds$4() {
	var ret = Date.now() * 1e3;
	if (ret <= lastMs) ret = lastMs + 1;
	lastMs = ret;
	return ret;
}
/**
* Check if WebLock API is supported.
* @link https://developer.mozilla.org/en-US/docs/Web/API/Web_Locks_API
*/
function supportsWebLockAPI() {
	if (typeof navigator !== "undefined" && typeof navigator.locks !== "undefined" && typeof navigator.locks.request === "function") return true;
	else return false;
}
// node_modules/broadcast-channel/dist/esbrowser/methods/native.js
var microSeconds$3 = microSeconds$4;
var type$3 = "native";
function create$3(channelName) {
	var state = {
		time: microSeconds$4(),
		messagesCallback: null,
		bc: new BroadcastChannel(channelName),
		subFns: []
	};
	state.bc.onmessage = function(msgEvent) {
		if (state.messagesCallback) state.messagesCallback(msgEvent.data);
	};
	return state;
}
function close$3(channelState) {
	channelState.bc.close();
	channelState.subFns = [];
}
function postMessage$3(channelState, messageJson) {
	try {
		channelState.bc.postMessage(messageJson, false);
		return PROMISE_RESOLVED_VOID;
	} catch (err) {
		return Promise.reject(err);
	}
}
function onMessage$3(channelState, fn) {
	channelState.messagesCallback = fn;
}
function canBeUsed$3() {
	if (typeof globalThis !== "undefined" && globalThis.Deno && globalThis.Deno.args) return true;
	if ((typeof window !== "undefined" || typeof self !== "undefined") && typeof BroadcastChannel === "function") {
		if (BroadcastChannel._pubkey) throw new Error("BroadcastChannel: Do not overwrite window.BroadcastChannel with this module, this is not a polyfill");
		return true;
	} else return false;
}
function averageResponseTime$3() {
	return 150;
}
var NativeMethod = {
	create: create$3,
	close: close$3,
	onMessage: onMessage$3,
	postMessage: postMessage$3,
	canBeUsed: canBeUsed$3,
	type: type$3,
	averageResponseTime: averageResponseTime$3,
	microSeconds: microSeconds$3
};
// node_modules/oblivious-set/dist/esm/src/index.js
/**
* this is a set which automatically forgets
* a given entry when a new entry is set and the ttl
* of the old one is over
*/
var ObliviousSet = class {
	ttl;
	map = /* @__PURE__ */ new Map();
	/**
	* Creating calls to setTimeout() is expensive,
	* so we only do that if there is not timeout already open.
	*/
	_to = false;
	constructor(ttl) {
		this.ttl = ttl;
	}
	has(value) {
		const valueTime = this.map.get(value);
		if (typeof valueTime === "undefined") return false;
		if (valueTime < now() - this.ttl) {
			this.map.delete(value);
			return false;
		}
		return true;
	}
	add(value) {
		this.map.delete(value);
		this.map.set(value, now());
		/**
		* When a new value is added,
		* start the cleanup at the next tick
		* to not block the cpu for more important stuff
		* that might happen.
		*/
		if (!this._to) {
			this._to = true;
			setTimeout(() => {
				this._to = false;
				removeTooOldValues(this);
			}, 0);
		}
	}
	clear() {
		this.map.clear();
	}
};
/**
* Removes all entries from the set
* where the TTL has expired
*/
function removeTooOldValues(obliviousSet) {
	const olderThen = now() - obliviousSet.ttl;
	const iterator = obliviousSet.map[Symbol.iterator]();
	/**
	* Because we can assume the new values are added at the bottom,
	* we start from the top and stop as soon as we reach a non-too-old value.
	*/
	while (true) {
		const next = iterator.next().value;
		if (!next) break;
		const value = next[0];
		if (next[1] < olderThen) obliviousSet.map.delete(value);
		else break;
	}
}
function now() {
	return Date.now();
}
// node_modules/broadcast-channel/dist/esbrowser/options.js
function fillOptionsWithDefaults() {
	var originalOptions = arguments.length > 0 && arguments[0] !== void 0 ? arguments[0] : {};
	var options = JSON.parse(JSON.stringify(originalOptions));
	if (typeof options.webWorkerSupport === "undefined") options.webWorkerSupport = true;
	if (!options.idb) options.idb = {};
	if (!options.idb.ttl) options.idb.ttl = 45e3;
	if (!options.idb.fallbackInterval) options.idb.fallbackInterval = 150;
	if (originalOptions.idb && typeof originalOptions.idb.onclose === "function") options.idb.onclose = originalOptions.idb.onclose;
	if (!options.localstorage) options.localstorage = {};
	if (!options.localstorage.removeTimeout) options.localstorage.removeTimeout = 6e4;
	if (originalOptions.methods) options.methods = originalOptions.methods;
	if (!options.node) options.node = {};
	if (!options.node.ttl) options.node.ttl = 12e4;
	/**
	* On linux use 'ulimit -Hn' to get the limit of open files.
	* On ubuntu this was 4096 for me, so we use half of that as maxParallelWrites default.
	*/
	if (!options.node.maxParallelWrites) options.node.maxParallelWrites = 2048;
	if (typeof options.node.useFastPath === "undefined") options.node.useFastPath = true;
	return options;
}
// node_modules/broadcast-channel/dist/esbrowser/methods/indexed-db.js
/**
* this method uses indexeddb to store the messages
* There is currently no observerAPI for idb
* @link https://github.com/w3c/IndexedDB/issues/51
* 
* When working on this, ensure to use these performance optimizations:
* @link https://rxdb.info/slow-indexeddb.html
*/
var microSeconds$2 = microSeconds$4;
var DB_PREFIX = "pubkey.broadcast-channel-0-";
var OBJECT_STORE_ID = "messages";
/**
* Use relaxed durability for faster performance on all transactions.
* @link https://nolanlawson.com/2021/08/22/speeding-up-indexeddb-reads-and-writes/
*/
var TRANSACTION_SETTINGS = { durability: "relaxed" };
function getIdb() {
	if (typeof indexedDB !== "undefined") return indexedDB;
	if (typeof window !== "undefined") {
		if (typeof window.mozIndexedDB !== "undefined") return window.mozIndexedDB;
		if (typeof window.webkitIndexedDB !== "undefined") return window.webkitIndexedDB;
		if (typeof window.msIndexedDB !== "undefined") return window.msIndexedDB;
	}
	return false;
}
/**
* If possible, we should explicitly commit IndexedDB transactions
* for better performance.
* @link https://nolanlawson.com/2021/08/22/speeding-up-indexeddb-reads-and-writes/
*/
function commitIndexedDBTransaction(tx) {
	if (tx.commit) tx.commit();
}
function createDatabase(channelName) {
	var IndexedDB = getIdb();
	var dbName = DB_PREFIX + channelName;
	/**
	* All IndexedDB databases are opened without version
	* because it is a bit faster, especially on firefox
	* @link http://nparashuram.com/IndexedDB/perf/#Open%20Database%20with%20version
	*/
	var openRequest = IndexedDB.open(dbName);
	openRequest.onupgradeneeded = function(ev) {
		ev.target.result.createObjectStore(OBJECT_STORE_ID, {
			keyPath: "id",
			autoIncrement: true
		});
	};
	return new Promise(function(res, rej) {
		openRequest.onerror = function(ev) {
			return rej(ev);
		};
		openRequest.onsuccess = function() {
			res(openRequest.result);
		};
	});
}
/**
* writes the new message to the database
* so other readers can find it
*/
function writeMessage(db, readerUuid, messageJson) {
	var writeObject = {
		uuid: readerUuid,
		time: Date.now(),
		data: messageJson
	};
	var tx = db.transaction([OBJECT_STORE_ID], "readwrite", TRANSACTION_SETTINGS);
	return new Promise(function(res, rej) {
		tx.oncomplete = function() {
			return res();
		};
		tx.onerror = function(ev) {
			return rej(ev);
		};
		tx.objectStore(OBJECT_STORE_ID).add(writeObject);
		commitIndexedDBTransaction(tx);
	});
}
function getMessagesHigherThan(db, lastCursorId) {
	var tx = db.transaction(OBJECT_STORE_ID, "readonly", TRANSACTION_SETTINGS);
	var objectStore = tx.objectStore(OBJECT_STORE_ID);
	var ret = [];
	var keyRangeValue = IDBKeyRange.bound(lastCursorId + 1, Infinity);
	/**
	* Optimization shortcut,
	* if getAll() can be used, do not use a cursor.
	* @link https://rxdb.info/slow-indexeddb.html
	*/
	if (objectStore.getAll) {
		var getAllRequest = objectStore.getAll(keyRangeValue);
		return new Promise(function(res, rej) {
			getAllRequest.onerror = function(err) {
				return rej(err);
			};
			getAllRequest.onsuccess = function(e) {
				res(e.target.result);
			};
		});
	}
	function openCursor() {
		try {
			keyRangeValue = IDBKeyRange.bound(lastCursorId + 1, Infinity);
			return objectStore.openCursor(keyRangeValue);
		} catch (e) {
			return objectStore.openCursor();
		}
	}
	return new Promise(function(res, rej) {
		var openCursorRequest = openCursor();
		openCursorRequest.onerror = function(err) {
			return rej(err);
		};
		openCursorRequest.onsuccess = function(ev) {
			var cursor = ev.target.result;
			if (cursor) {
				if (cursor.value.id < lastCursorId + 1) cursor["continue"](lastCursorId + 1);
				else {
					ret.push(cursor.value);
					cursor["continue"]();
				}
			} else {
				commitIndexedDBTransaction(tx);
				res(ret);
			}
		};
	});
}
function removeMessagesById(channelState, ids) {
	if (channelState.closed) return Promise.resolve([]);
	var objectStore = channelState.db.transaction(OBJECT_STORE_ID, "readwrite", TRANSACTION_SETTINGS).objectStore(OBJECT_STORE_ID);
	return Promise.all(ids.map(function(id) {
		var deleteRequest = objectStore["delete"](id);
		return new Promise(function(res) {
			deleteRequest.onsuccess = function() {
				return res();
			};
		});
	}));
}
function getOldMessages(db, ttl) {
	var olderThen = Date.now() - ttl;
	var tx = db.transaction(OBJECT_STORE_ID, "readonly", TRANSACTION_SETTINGS);
	var objectStore = tx.objectStore(OBJECT_STORE_ID);
	var ret = [];
	return new Promise(function(res) {
		objectStore.openCursor().onsuccess = function(ev) {
			var cursor = ev.target.result;
			if (cursor) {
				var msgObk = cursor.value;
				if (msgObk.time < olderThen) {
					ret.push(msgObk);
					cursor["continue"]();
				} else {
					commitIndexedDBTransaction(tx);
					res(ret);
				}
			} else res(ret);
		};
	});
}
function cleanOldMessages(channelState) {
	return getOldMessages(channelState.db, channelState.options.idb.ttl).then(function(tooOld) {
		return removeMessagesById(channelState, tooOld.map(function(msg) {
			return msg.id;
		}));
	});
}
function create$2(channelName, options) {
	options = fillOptionsWithDefaults(options);
	return createDatabase(channelName).then(function(db) {
		var state = {
			closed: false,
			lastCursorId: 0,
			channelName,
			options,
			uuid: randomToken(),
			/**
			* emittedMessagesIds
			* contains all messages that have been emitted before
			* @type {ObliviousSet}
			*/
			eMIs: new ObliviousSet(options.idb.ttl * 2),
			writeBlockPromise: PROMISE_RESOLVED_VOID,
			messagesCallback: null,
			readQueuePromises: [],
			db
		};
		/**
		* Handle abrupt closes that do not originate from db.close().
		* This could happen, for example, if the underlying storage is
		* removed or if the user clears the database in the browser's
		* history preferences.
		*/
		db.onclose = function() {
			state.closed = true;
			if (options.idb.onclose) options.idb.onclose();
		};
		/**
		* if service-workers are used,
		* we have no 'storage'-event if they post a message,
		* therefore we also have to set an interval
		*/
		_readLoop(state);
		return state;
	});
}
function _readLoop(state) {
	if (state.closed) return;
	readNewMessages(state).then(function() {
		return sleep(state.options.idb.fallbackInterval);
	}).then(function() {
		return _readLoop(state);
	});
}
function _filterMessage(msgObj, state) {
	if (msgObj.uuid === state.uuid) return false;
	if (state.eMIs.has(msgObj.id)) return false;
	if (msgObj.data.time < state.messagesCallbackTime) return false;
	return true;
}
/**
* reads all new messages from the database and emits them
*/
function readNewMessages(state) {
	if (state.closed) return PROMISE_RESOLVED_VOID;
	if (!state.messagesCallback) return PROMISE_RESOLVED_VOID;
	return getMessagesHigherThan(state.db, state.lastCursorId).then(function(newerMessages) {
		newerMessages.filter(function(msgObj) {
			return !!msgObj;
		}).map(function(msgObj) {
			if (msgObj.id > state.lastCursorId) state.lastCursorId = msgObj.id;
			return msgObj;
		}).filter(function(msgObj) {
			return _filterMessage(msgObj, state);
		}).sort(function(msgObjA, msgObjB) {
			return msgObjA.time - msgObjB.time;
		}).forEach(function(msgObj) {
			if (state.messagesCallback) {
				state.eMIs.add(msgObj.id);
				state.messagesCallback(msgObj.data);
			}
		});
		return PROMISE_RESOLVED_VOID;
	});
}
function close$2(channelState) {
	channelState.closed = true;
	channelState.db.close();
}
function postMessage$2(channelState, messageJson) {
	channelState.writeBlockPromise = channelState.writeBlockPromise.then(function() {
		return writeMessage(channelState.db, channelState.uuid, messageJson);
	}).then(function() {
		if (randomInt(0, 10) === 0) cleanOldMessages(channelState);
	});
	return channelState.writeBlockPromise;
}
function onMessage$2(channelState, fn, time) {
	channelState.messagesCallbackTime = time;
	channelState.messagesCallback = fn;
	readNewMessages(channelState);
}
function canBeUsed$2() {
	return !!getIdb();
}
function averageResponseTime$2(options) {
	return options.idb.fallbackInterval * 2;
}
var IndexedDBMethod = {
	create: create$2,
	close: close$2,
	onMessage: onMessage$2,
	postMessage: postMessage$2,
	canBeUsed: canBeUsed$2,
	type: "idb",
	averageResponseTime: averageResponseTime$2,
	microSeconds: microSeconds$2
};
// node_modules/broadcast-channel/dist/esbrowser/methods/localstorage.js
/**
* A localStorage-only method which uses localstorage and its 'storage'-event
* This does not work inside webworkers because they have no access to localstorage
* This is basically implemented to support IE9 or your grandmother's toaster.
* @link https://caniuse.com/#feat=namevalue-storage
* @link https://caniuse.com/#feat=indexeddb
*/
var microSeconds$1 = microSeconds$4;
var KEY_PREFIX = "pubkey.broadcastChannel-";
var type$1 = "localstorage";
/**
* copied from crosstab
* @link https://github.com/tejacques/crosstab/blob/master/src/crosstab.js#L32
*/
function getLocalStorage() {
	var localStorage;
	if (typeof window === "undefined") return null;
	try {
		localStorage = window.localStorage;
		localStorage = window["ie8-eventlistener/storage"] || window.localStorage;
	} catch (e) {}
	return localStorage;
}
function storageKey(channelName) {
	return KEY_PREFIX + channelName;
}
/**
* writes the new message to the storage
* and fires the storage-event so other readers can find it
*/
function postMessage$1(channelState, messageJson) {
	return new Promise(function(res) {
		sleep().then(function() {
			var key = storageKey(channelState.channelName);
			var writeObj = {
				token: randomToken(),
				time: Date.now(),
				data: messageJson,
				uuid: channelState.uuid
			};
			var value = JSON.stringify(writeObj);
			getLocalStorage().setItem(key, value);
			/**
			* StorageEvent does not fire the 'storage' event
			* in the window that changes the state of the local storage.
			* So we fire it manually
			*/
			var ev = document.createEvent("Event");
			ev.initEvent("storage", true, true);
			ev.key = key;
			ev.newValue = value;
			window.dispatchEvent(ev);
			res();
		});
	});
}
function addStorageEventListener(channelName, fn) {
	var key = storageKey(channelName);
	var listener = function listener(ev) {
		if (ev.key === key) fn(JSON.parse(ev.newValue));
	};
	window.addEventListener("storage", listener);
	return listener;
}
function removeStorageEventListener(listener) {
	window.removeEventListener("storage", listener);
}
function create$1(channelName, options) {
	options = fillOptionsWithDefaults(options);
	if (!canBeUsed$1()) throw new Error("BroadcastChannel: localstorage cannot be used");
	var uuid = randomToken();
	/**
	* eMIs
	* contains all messages that have been emitted before
	* @type {ObliviousSet}
	*/
	var eMIs = new ObliviousSet(options.localstorage.removeTimeout);
	var state = {
		channelName,
		uuid,
		eMIs
	};
	state.listener = addStorageEventListener(channelName, function(msgObj) {
		if (!state.messagesCallback) return;
		if (msgObj.uuid === uuid) return;
		if (!msgObj.token || eMIs.has(msgObj.token)) return;
		if (msgObj.data.time && msgObj.data.time < state.messagesCallbackTime) return;
		eMIs.add(msgObj.token);
		state.messagesCallback(msgObj.data);
	});
	return state;
}
function close$1(channelState) {
	removeStorageEventListener(channelState.listener);
}
function onMessage$1(channelState, fn, time) {
	channelState.messagesCallbackTime = time;
	channelState.messagesCallback = fn;
}
function canBeUsed$1() {
	var ls = getLocalStorage();
	if (!ls) return false;
	try {
		var key = "__broadcastchannel_check";
		ls.setItem(key, "works");
		ls.removeItem(key);
	} catch (e) {
		return false;
	}
	return true;
}
function averageResponseTime$1() {
	var defaultTime = 120;
	var userAgent = navigator.userAgent.toLowerCase();
	if (userAgent.includes("safari") && !userAgent.includes("chrome")) return defaultTime * 2;
	return defaultTime;
}
var LocalstorageMethod = {
	create: create$1,
	close: close$1,
	onMessage: onMessage$1,
	postMessage: postMessage$1,
	canBeUsed: canBeUsed$1,
	type: type$1,
	averageResponseTime: averageResponseTime$1,
	microSeconds: microSeconds$1
};
// node_modules/broadcast-channel/dist/esbrowser/methods/simulate.js
var microSeconds = microSeconds$4;
var type = "simulate";
var SIMULATE_CHANNELS = /* @__PURE__ */ new Set();
function create(channelName) {
	var state = {
		time: microSeconds(),
		name: channelName,
		messagesCallback: null
	};
	SIMULATE_CHANNELS.add(state);
	return state;
}
function close(channelState) {
	SIMULATE_CHANNELS["delete"](channelState);
}
function postMessage(channelState, messageJson) {
	return new Promise(function(res) {
		return setTimeout(function() {
			Array.from(SIMULATE_CHANNELS).forEach(function(channel) {
				if (channel.name === channelState.name && channel !== channelState && !!channel.messagesCallback && channel.time < messageJson.time) channel.messagesCallback(messageJson);
			});
			res();
		}, 5);
	});
}
function onMessage(channelState, fn) {
	channelState.messagesCallback = fn;
}
function canBeUsed() {
	return true;
}
function averageResponseTime() {
	return 5;
}
var SimulateMethod = {
	create,
	close,
	onMessage,
	postMessage,
	canBeUsed,
	type,
	averageResponseTime,
	microSeconds
};
// node_modules/broadcast-channel/dist/esbrowser/method-chooser.js
var METHODS = [
	NativeMethod,
	IndexedDBMethod,
	LocalstorageMethod
];
function chooseMethod(options) {
	var chooseMethods = [].concat(options.methods, METHODS).filter(Boolean);
	if (options.type) {
		if (options.type === "simulate") return SimulateMethod;
		var ret = chooseMethods.find(function(m) {
			return m.type === options.type;
		});
		if (!ret) throw new Error("method-type " + options.type + " not found");
		else return ret;
	}
	/**
	* if no webworker support is needed,
	* remove idb from the list so that localstorage will be chosen
	*/
	if (!options.webWorkerSupport) chooseMethods = chooseMethods.filter(function(m) {
		return m.type !== "idb";
	});
	var useMethod = chooseMethods.find(function(method) {
		return method.canBeUsed();
	});
	if (!useMethod) throw new Error("No usable method found in " + JSON.stringify(METHODS.map(function(m) {
		return m.type;
	})));
	else return useMethod;
}
// node_modules/broadcast-channel/dist/esbrowser/broadcast-channel.js
/**
* Contains all open channels,
* used in tests to ensure everything is closed.
*/
var OPEN_BROADCAST_CHANNELS = /* @__PURE__ */ new Set();
var lastId = 0;
var BroadcastChannel$1 = function BroadcastChannel(name, options) {
	this.id = lastId++;
	OPEN_BROADCAST_CHANNELS.add(this);
	this.name = name;
	if (ENFORCED_OPTIONS) options = ENFORCED_OPTIONS;
	this.options = fillOptionsWithDefaults(options);
	this.method = chooseMethod(this.options);
	this._iL = false;
	/**
	* _onMessageListener
	* setting onmessage twice,
	* will overwrite the first listener
	*/
	this._onML = null;
	/**
	* _addEventListeners
	*/
	this._addEL = {
		message: [],
		internal: []
	};
	/**
	* Unsent message promises
	* where the sending is still in progress
	* @type {Set<Promise>}
	*/
	this._uMP = /* @__PURE__ */ new Set();
	/**
	* _beforeClose
	* array of promises that will be awaited
	* before the channel is closed
	*/
	this._befC = [];
	/**
	* _preparePromise
	*/
	this._prepP = null;
	_prepareChannel(this);
};
/**
* used to identify if someone overwrites
* window.BroadcastChannel with this
* See methods/native.js
*/
BroadcastChannel$1._pubkey = true;
/**
* if set, this method is enforced,
* no mather what the options are
*/
var ENFORCED_OPTIONS;
BroadcastChannel$1.prototype = {
	postMessage: function postMessage(msg) {
		if (this.closed) throw new Error("BroadcastChannel.postMessage(): Cannot post message after channel has closed " + JSON.stringify(msg));
		return _post(this, "message", msg);
	},
	postInternal: function postInternal(msg) {
		return _post(this, "internal", msg);
	},
	set onmessage(fn) {
		var listenObj = {
			time: this.method.microSeconds(),
			fn
		};
		_removeListenerObject(this, "message", this._onML);
		if (fn && typeof fn === "function") {
			this._onML = listenObj;
			_addListenerObject(this, "message", listenObj);
		} else this._onML = null;
	},
	addEventListener: function addEventListener(type, fn) {
		var listenObj = {
			time: this.method.microSeconds(),
			fn
		};
		_addListenerObject(this, type, listenObj);
	},
	removeEventListener: function removeEventListener(type, fn) {
		var obj = this._addEL[type].find(function(obj) {
			return obj.fn === fn;
		});
		_removeListenerObject(this, type, obj);
	},
	close: function close() {
		var _this = this;
		if (this.closed) return;
		OPEN_BROADCAST_CHANNELS["delete"](this);
		this.closed = true;
		var awaitPrepare = this._prepP ? this._prepP : PROMISE_RESOLVED_VOID;
		this._onML = null;
		this._addEL.message = [];
		return awaitPrepare.then(function() {
			return Promise.all(Array.from(_this._uMP));
		}).then(function() {
			return Promise.all(_this._befC.map(function(fn) {
				return fn();
			}));
		}).then(function() {
			return _this.method.close(_this._state);
		});
	},
	get type() {
		return this.method.type;
	},
	get isClosed() {
		return this.closed;
	}
};
/**
* Post a message over the channel
* @returns {Promise} that resolved when the message sending is done
*/
function _post(broadcastChannel, type, msg) {
	var msgObj = {
		time: broadcastChannel.method.microSeconds(),
		type,
		data: msg
	};
	return (broadcastChannel._prepP ? broadcastChannel._prepP : PROMISE_RESOLVED_VOID).then(function() {
		var sendPromise = broadcastChannel.method.postMessage(broadcastChannel._state, msgObj);
		broadcastChannel._uMP.add(sendPromise);
		sendPromise["catch"]().then(function() {
			return broadcastChannel._uMP["delete"](sendPromise);
		});
		return sendPromise;
	});
}
function _prepareChannel(channel) {
	var maybePromise = channel.method.create(channel.name, channel.options);
	if (isPromise(maybePromise)) {
		channel._prepP = maybePromise;
		maybePromise.then(function(s) {
			channel._state = s;
		});
	} else channel._state = maybePromise;
}
function _hasMessageListeners(channel) {
	if (channel._addEL.message.length > 0) return true;
	if (channel._addEL.internal.length > 0) return true;
	return false;
}
function _addListenerObject(channel, type, obj) {
	channel._addEL[type].push(obj);
	_startListening(channel);
}
function _removeListenerObject(channel, type, obj) {
	channel._addEL[type] = channel._addEL[type].filter(function(o) {
		return o !== obj;
	});
	_stopListening(channel);
}
function _startListening(channel) {
	if (!channel._iL && _hasMessageListeners(channel)) {
		var listenerFn = function listenerFn(msgObj) {
			channel._addEL[msgObj.type].forEach(function(listenerObject) {
				if (msgObj.time >= listenerObject.time) listenerObject.fn(msgObj.data);
			});
		};
		var time = channel.method.microSeconds();
		if (channel._prepP) channel._prepP.then(function() {
			channel._iL = true;
			channel.method.onMessage(channel._state, listenerFn, time);
		});
		else {
			channel._iL = true;
			channel.method.onMessage(channel._state, listenerFn, time);
		}
	}
}
function _stopListening(channel) {
	if (channel._iL && !_hasMessageListeners(channel)) {
		channel._iL = false;
		var time = channel.method.microSeconds();
		channel.method.onMessage(channel._state, null, time);
	}
}
// node_modules/rxdb/dist/esm/rx-storage-multiinstance.js
/**
* When a persistent RxStorage is used in more the one JavaScript process,
* the even stream of the changestream() function must be broadcasted to the other
* RxStorageInstances of the same databaseName+collectionName.
*
* In the past this was done by RxDB but it makes more sense to do this
* at the RxStorage level so that the broadcasting etc can all happen inside of a WebWorker
* and not on the main thread.
* Also it makes it less complex to stack up different RxStorages onto each other
* like what we do with the in-memory plugin.
*
* This is intended to be used inside of createStorageInstance() of a storage.
* Do not use this if the storage anyway broadcasts the events like when using MongoDB
* or in the future W3C might introduce a way to listen to IndexedDB changes.
*/
/**
* The broadcast-channel is reused by the databaseInstanceToken.
* This is required so that it is easy to simulate multi-tab usage
* in the test where different instances of the same RxDatabase must
* have different broadcast channels.
* But also it ensures that for each RxDatabase we only create a single
* broadcast channel that can even be reused in the leader election plugin.
*/
var BROADCAST_CHANNEL_BY_TOKEN = /* @__PURE__ */ new Map();
function getBroadcastChannelReference(storageName, databaseInstanceToken, databaseName, refObject) {
	var state = BROADCAST_CHANNEL_BY_TOKEN.get(databaseInstanceToken);
	if (!state) {
		state = {
			/**
			* We have to use the databaseName instead of the databaseInstanceToken
			* in the BroadcastChannel name because different instances must end with the same
			* channel name to be able to broadcast messages between each other.
			*/
			bc: new BroadcastChannel$1([
				"RxDB:",
				storageName,
				databaseName
			].join("|")),
			refs: /* @__PURE__ */ new Set()
		};
		BROADCAST_CHANNEL_BY_TOKEN.set(databaseInstanceToken, state);
	}
	state.refs.add(refObject);
	return state.bc;
}
function removeBroadcastChannelReference(databaseInstanceToken, refObject) {
	var state = BROADCAST_CHANNEL_BY_TOKEN.get(databaseInstanceToken);
	if (!state) return;
	state.refs.delete(refObject);
	if (state.refs.size === 0) {
		BROADCAST_CHANNEL_BY_TOKEN.delete(databaseInstanceToken);
		return state.bc.close();
	}
}
function addRxStorageMultiInstanceSupport(storageName, instanceCreationParams, instance, providedBroadcastChannel) {
	if (!instanceCreationParams.multiInstance) return;
	var broadcastChannel = providedBroadcastChannel ? providedBroadcastChannel : getBroadcastChannelReference(storageName, instanceCreationParams.databaseInstanceToken, instance.databaseName, instance);
	var changesFromOtherInstances$ = new Subject();
	var eventListener = (msg) => {
		if (msg.storageName === storageName && msg.databaseName === instanceCreationParams.databaseName && msg.collectionName === instanceCreationParams.collectionName && msg.version === instanceCreationParams.schema.version) changesFromOtherInstances$.next(msg.eventBulk);
	};
	broadcastChannel.addEventListener("message", eventListener);
	var oldChangestream$ = instance.changeStream();
	var closed = false;
	var sub = oldChangestream$.subscribe((eventBulk) => {
		if (closed) return;
		broadcastChannel.postMessage({
			storageName,
			databaseName: instanceCreationParams.databaseName,
			collectionName: instanceCreationParams.collectionName,
			version: instanceCreationParams.schema.version,
			eventBulk
		});
	});
	instance.changeStream = function() {
		return changesFromOtherInstances$.asObservable().pipe(mergeWith(oldChangestream$));
	};
	var oldClose = instance.close.bind(instance);
	instance.close = async function() {
		closed = true;
		sub.unsubscribe();
		broadcastChannel.removeEventListener("message", eventListener);
		if (!providedBroadcastChannel) await removeBroadcastChannelReference(instanceCreationParams.databaseInstanceToken, instance);
		return oldClose();
	};
	var oldRemove = instance.remove.bind(instance);
	instance.remove = async function() {
		closed = true;
		sub.unsubscribe();
		broadcastChannel.removeEventListener("message", eventListener);
		if (!providedBroadcastChannel) await removeBroadcastChannelReference(instanceCreationParams.databaseInstanceToken, instance);
		return oldRemove();
	};
}
// node_modules/rxdb/dist/esm/plugins/storage-dexie/rx-storage-instance-dexie.js
var instanceId = now$1();
var shownNonPremiumLog = false;
var RxStorageInstanceDexie = class {
	primaryPath;
	changes$ = new Subject();
	instanceId = instanceId++;
	closed;
	constructor(storage, databaseName, collectionName, schema, internals, options, settings, devMode) {
		this.storage = storage;
		this.databaseName = databaseName;
		this.collectionName = collectionName;
		this.schema = schema;
		this.internals = internals;
		this.options = options;
		this.settings = settings;
		this.devMode = devMode;
		this.primaryPath = getPrimaryFieldOfPrimaryKey(this.schema.primaryKey);
	}
	async bulkWrite(documentWrites, context) {
		ensureNotClosed(this);
		if (!shownNonPremiumLog && !await hasPremiumFlag()) {
			console.warn([
				"-------------- RxDB Open Core RxStorage -------------------------------",
				"You are using the free Dexie.js based RxStorage implementation from RxDB https://rxdb.info/rx-storage-dexie.html?console=dexie ",
				"While this is a great option, we want to let you know that there are faster storage solutions available in our premium plugins.",
				"For professional users and production environments, we highly recommend considering these premium options to enhance performance and reliability.",
				" https://rxdb.info/premium/?console=dexie ",
				"If you already purchased premium access you can disable this log by calling the setPremiumFlag() function from rxdb-premium/plugins/shared.",
				"---------------------------------------------------------------------"
			].join("\n"));
			shownNonPremiumLog = true;
		} else shownNonPremiumLog = true;
		/**
		* Check some assumptions to ensure RxDB
		* does not call the storage with an invalid write.
		*/
		documentWrites.forEach((row) => {
			if (!row.document._rev || row.previous && !row.previous._rev) throw newRxError("SNH", { args: { row } });
		});
		var state = await this.internals;
		var ret = { error: [] };
		/**
		* Some storages might add any _meta fields
		* internally. To ensure RxDB can work with that in the
		* test suite, we add a random field here.
		*/
		if (this.devMode) documentWrites = documentWrites.map((row) => {
			var doc = flatCloneDocWithMeta(row.document);
			return {
				previous: row.previous,
				document: doc
			};
		});
		var documentKeys = documentWrites.map((writeRow) => writeRow.document[this.primaryPath]);
		var categorized;
		await state.dexieDb.transaction("rw", state.dexieTable, state.dexieAttachmentsTable, async () => {
			var docsInDbMap = /* @__PURE__ */ new Map();
			(await getDocsInDb(this.internals, documentKeys)).forEach((docWithDexieInternals) => {
				var doc = docWithDexieInternals;
				if (doc) docsInDbMap.set(doc[this.primaryPath], doc);
				return doc;
			});
			categorized = categorizeBulkWriteRows(this, this.primaryPath, docsInDbMap, documentWrites, context);
			ret.error = categorized.errors;
			/**
			* Batch up the database operations
			* so we can later run them in bulk.
			*/
			var bulkPutDocs = [];
			categorized.bulkInsertDocs.forEach((row) => {
				bulkPutDocs.push(row.document);
			});
			categorized.bulkUpdateDocs.forEach((row) => {
				bulkPutDocs.push(row.document);
			});
			bulkPutDocs = bulkPutDocs.map((d) => fromStorageToDexie(state.booleanIndexes, d));
			if (bulkPutDocs.length > 0) await state.dexieTable.bulkPut(bulkPutDocs);
			var putAttachments = [];
			categorized.attachmentsAdd.forEach((attachment) => {
				putAttachments.push({
					id: attachmentObjectId(attachment.documentId, attachment.attachmentId),
					data: attachment.attachmentData.data
				});
			});
			categorized.attachmentsUpdate.forEach((attachment) => {
				putAttachments.push({
					id: attachmentObjectId(attachment.documentId, attachment.attachmentId),
					data: attachment.attachmentData.data
				});
			});
			await state.dexieAttachmentsTable.bulkPut(putAttachments);
			await state.dexieAttachmentsTable.bulkDelete(categorized.attachmentsRemove.map((attachment) => attachmentObjectId(attachment.documentId, attachment.attachmentId)));
		});
		categorized = ensureNotFalsy(categorized);
		if (categorized.eventBulk.events.length > 0) {
			var lastState = ensureNotFalsy(categorized.newestRow).document;
			categorized.eventBulk.checkpoint = {
				id: lastState[this.primaryPath],
				lwt: lastState._meta.lwt
			};
			this.changes$.next(categorized.eventBulk);
		}
		return ret;
	}
	async findDocumentsById(ids, deleted) {
		ensureNotClosed(this);
		var state = await this.internals;
		var ret = [];
		await state.dexieDb.transaction("r", state.dexieTable, async () => {
			(await getDocsInDb(this.internals, ids)).forEach((documentInDb) => {
				if (documentInDb && (!documentInDb._deleted || deleted)) ret.push(documentInDb);
			});
		});
		return ret;
	}
	query(preparedQuery) {
		ensureNotClosed(this);
		return dexieQuery(this, preparedQuery);
	}
	async count(preparedQuery) {
		if (preparedQuery.queryPlan.selectorSatisfiedByIndex) return {
			count: await dexieCount(this, preparedQuery),
			mode: "fast"
		};
		else return {
			count: (await dexieQuery(this, preparedQuery)).documents.length,
			mode: "slow"
		};
	}
	changeStream() {
		ensureNotClosed(this);
		return this.changes$.asObservable();
	}
	async cleanup(minimumDeletedTime) {
		ensureNotClosed(this);
		var state = await this.internals;
		await state.dexieDb.transaction("rw", state.dexieTable, async () => {
			var maxDeletionTime = now$1() - minimumDeletedTime;
			var toRemove = await state.dexieTable.where("_meta.lwt").below(maxDeletionTime).toArray();
			var removeIds = [];
			toRemove.forEach((doc) => {
				if (doc._deleted === "1") removeIds.push(doc[this.primaryPath]);
			});
			await state.dexieTable.bulkDelete(removeIds);
		});
		return true;
	}
	async getAttachmentData(documentId, attachmentId, _digest) {
		ensureNotClosed(this);
		var state = await this.internals;
		var id = attachmentObjectId(documentId, attachmentId);
		return await state.dexieDb.transaction("r", state.dexieAttachmentsTable, async () => {
			var attachment = await state.dexieAttachmentsTable.get(id);
			if (attachment) return attachment.data;
			else throw new Error("attachment missing documentId: " + documentId + " attachmentId: " + attachmentId);
		});
	}
	async remove() {
		ensureNotClosed(this);
		await (await this.internals).dexieTable.clear();
		return this.close();
	}
	close() {
		if (this.closed) return this.closed;
		this.closed = (async () => {
			this.changes$.complete();
			await closeDexieDb(this.internals);
		})();
		return this.closed;
	}
};
async function createDexieStorageInstance(storage, params, settings) {
	var internals = getDexieDbWithTables(params.databaseName, params.collectionName, settings, params.schema);
	var instance = new RxStorageInstanceDexie(storage, params.databaseName, params.collectionName, params.schema, internals, params.options, settings, params.devMode);
	await addRxStorageMultiInstanceSupport(RX_STORAGE_NAME_DEXIE, params, instance);
	return Promise.resolve(instance);
}
function ensureNotClosed(instance) {
	if (instance.closed) throw new Error("RxStorageInstanceDexie is closed " + instance.databaseName + "-" + instance.collectionName);
}
// node_modules/rxdb/dist/esm/plugins/storage-dexie/rx-storage-dexie.js
var RxStorageDexie = class {
	name = RX_STORAGE_NAME_DEXIE;
	rxdbVersion = RXDB_VERSION;
	constructor(settings) {
		this.settings = settings;
	}
	createStorageInstance(params) {
		ensureRxStorageInstanceParamsAreCorrect(params);
		/**
		* Dexie does not support non-required indexes and must throw if that is used.
		* @link https://github.com/pubkey/rxdb/pull/6643#issuecomment-2505310082
		*/
		if (params.schema.indexes) params.schema.indexes.flat().filter((indexField) => !indexField.includes(".")).forEach((indexField) => {
			if (!params.schema.required || !params.schema.required.includes(indexField)) throw newRxError("DXE1", {
				field: indexField,
				schema: params.schema
			});
		});
		return createDexieStorageInstance(this, params, this.settings);
	}
};
function getRxStorageDexie(settings = {}) {
	return new RxStorageDexie(settings);
}
// node_modules/rxdb/dist/esm/rx-schema.js
/**
* @performance Hashing is expensive and the same schema is often
* hashed many times, for example when the same schema is used in multiple
* collections or when a database is closed and created again.
*/
var SCHEMA_HASH_CACHE_MAX_SIZE = 100;
var SCHEMA_HASH_CACHE = /* @__PURE__ */ new WeakMap();
var RxSchema = class {
	indexes;
	primaryPath;
	finalFields;
	constructor(jsonSchema, hashFunction) {
		this.jsonSchema = jsonSchema;
		this.hashFunction = hashFunction;
		this.indexes = getIndexes(this.jsonSchema);
		this.primaryPath = getPrimaryFieldOfPrimaryKey(this.jsonSchema.primaryKey);
		/**
		* Many people accidentally put in wrong schema state
		* without the dev-mode plugin, so we need this check here
		* even in non-dev-mode.
		*/
		if (!jsonSchema.properties[this.primaryPath].maxLength) throw newRxError("SC39", { schema: jsonSchema });
		this.finalFields = getFinalFields(this.jsonSchema);
	}
	get version() {
		return this.jsonSchema.version;
	}
	get defaultValues() {
		var values = {};
		Object.entries(this.jsonSchema.properties).filter(([, v]) => Object.prototype.hasOwnProperty.call(v, "default")).forEach(([k, v]) => values[k] = v.default);
		return overwriteGetterForCaching(this, "defaultValues", values);
	}
	getJsonSchemaWithoutMeta() {
		var jsonSchema = flatClone(this.jsonSchema);
		jsonSchema.properties = flatClone(jsonSchema.properties);
		delete jsonSchema.properties._deleted;
		delete jsonSchema.properties._rev;
		delete jsonSchema.properties._meta;
		delete jsonSchema.properties._attachments;
		if (jsonSchema.required) jsonSchema.required = jsonSchema.required.filter((r) => !r.startsWith("_"));
		if (jsonSchema.indexes) jsonSchema.indexes = jsonSchema.indexes.map((index) => {
			return (isMaybeReadonlyArray(index) ? [...index] : [index]).filter((field) => !field.startsWith("_"));
		}).filter((index) => index.length > 0);
		return jsonSchema;
	}
	/**
	* @overrides itself on the first call
	*/
	get hash() {
		var hashFunction = this.hashFunction;
		var hashByInput = SCHEMA_HASH_CACHE.get(hashFunction);
		if (!hashByInput) {
			hashByInput = /* @__PURE__ */ new Map();
			SCHEMA_HASH_CACHE.set(hashFunction, hashByInput);
		}
		var input = JSON.stringify(this.jsonSchema);
		var hash = hashByInput.get(input);
		if (!hash) {
			hash = hashFunction(input);
			if (hashByInput.size >= SCHEMA_HASH_CACHE_MAX_SIZE) hashByInput.delete(hashByInput.keys().next().value);
			hashByInput.set(input, hash);
			/**
			* A failed hashing must not be cached
			* so that the next call can try again.
			*/
			var cachedHash = hash;
			var cache = hashByInput;
			Promise.resolve(cachedHash).catch(() => {
				if (cache.get(input) === cachedHash) cache.delete(input);
			});
		}
		return overwriteGetterForCaching(this, "hash", hash);
	}
	/**
	* checks if a given change on a document is allowed
	* Ensures that:
	* - final fields are not modified
	* @throws {Error} if not valid
	*/
	validateChange(dataBefore, dataAfter) {
		this.finalFields.forEach((fieldName) => {
			if (!deepEqual(dataBefore[fieldName], dataAfter[fieldName])) throw newRxError("DOC9", {
				dataBefore,
				dataAfter,
				fieldName,
				schema: this.jsonSchema
			});
		});
	}
	/**
	* creates the schema-based document-prototype,
	* see RxCollection.getDocumentPrototype()
	*/
	getDocumentPrototype() {
		var proto = {};
		/**
		* On the top level, we know all keys
		* and therefore do not have to create a new Proxy object
		* for each document. Instead we define the getter in the prototype once.
		*/
		var pathProperties = getSchemaByObjectPath(this.jsonSchema, "");
		Object.keys(pathProperties).forEach((key) => {
			var fullPath = key;
			proto.__defineGetter__(key, function() {
				if (!this.get || typeof this.get !== "function")
 /**
				* When an object gets added to the state of a vuejs-component,
				* it happens that this getter is called with another scope.
				* To prevent errors, we have to return undefined in this case
				*/
				return;
				return this.get(fullPath);
			});
			Object.defineProperty(proto, key + "$", {
				get: function() {
					return this.get$(fullPath);
				},
				enumerable: false,
				configurable: false
			});
			Object.defineProperty(proto, key + "$$", {
				get: function() {
					return this.get$$(fullPath);
				},
				enumerable: false,
				configurable: false
			});
			Object.defineProperty(proto, key + "_", {
				get: function() {
					return this.populate(fullPath);
				},
				enumerable: false,
				configurable: false
			});
		});
		overwriteGetterForCaching(this, "getDocumentPrototype", () => proto);
		return proto;
	}
	getPrimaryOfDocumentData(documentData) {
		return getComposedPrimaryKeyOfDocumentData(this.jsonSchema, documentData);
	}
};
function getIndexes(jsonSchema) {
	return (jsonSchema.indexes || []).map((index) => isMaybeReadonlyArray(index) ? index : [index]);
}
function createRxSchema(jsonSchema, hashFunction, runPreCreateHooks = true) {
	if (runPreCreateHooks) runPluginHooks("preCreateRxSchema", jsonSchema);
	var useJsonSchema = fillWithDefaultSettings(jsonSchema);
	useJsonSchema = normalizeRxJsonSchema(useJsonSchema);
	overwritable.deepFreezeWhenDevMode(useJsonSchema);
	var schema = new RxSchema(useJsonSchema, hashFunction);
	runPluginHooks("createRxSchema", schema);
	return schema;
}
// node_modules/rxdb/dist/esm/rx-change-event.js
/**
* RxChangeEvents a emitted when something in the database changes
* they can be grabbed by the observables of database, collection and document
*/
function getDocumentDataOfRxChangeEvent(rxChangeEvent) {
	if (rxChangeEvent.documentData) return rxChangeEvent.documentData;
	else return rxChangeEvent.previousDocumentData;
}
/**
* Might return null which means an
* already deleted document got modified but still is deleted.
* These kind of events are not relevant for the event-reduce algorithm
* and must be filtered out.
*/
function rxChangeEventToEventReduceChangeEvent(rxChangeEvent) {
	switch (rxChangeEvent.operation) {
		case "INSERT": return {
			operation: rxChangeEvent.operation,
			id: rxChangeEvent.documentId,
			doc: rxChangeEvent.documentData,
			previous: null
		};
		case "UPDATE": return {
			operation: rxChangeEvent.operation,
			id: rxChangeEvent.documentId,
			doc: overwritable.deepFreezeWhenDevMode(rxChangeEvent.documentData),
			previous: rxChangeEvent.previousDocumentData ? rxChangeEvent.previousDocumentData : "UNKNOWN"
		};
		case "DELETE": return {
			operation: rxChangeEvent.operation,
			id: rxChangeEvent.documentId,
			doc: null,
			previous: rxChangeEvent.previousDocumentData
		};
	}
}
var EVENT_BULK_CACHE = /* @__PURE__ */ new Map();
function rxChangeEventBulkToRxChangeEvents(eventBulk) {
	return getFromMapOrCreate(EVENT_BULK_CACHE, eventBulk, () => {
		var events = new Array(eventBulk.events.length);
		var rawEvents = eventBulk.events;
		var collectionName = eventBulk.collectionName;
		var isLocal = eventBulk.isLocal;
		var deepFreezeWhenDevMode = overwritable.deepFreezeWhenDevMode;
		for (var index = 0; index < rawEvents.length; index++) {
			var event = rawEvents[index];
			events[index] = {
				documentId: event.documentId,
				collectionName,
				isLocal,
				operation: event.operation,
				documentData: deepFreezeWhenDevMode(event.documentData),
				previousDocumentData: deepFreezeWhenDevMode(event.previousDocumentData)
			};
		}
		return events;
	});
}
// node_modules/rxdb/dist/esm/incremental-write.js
/**
* The incremental write queue
* batches up all incremental writes to a collection
* so that performance can be improved by:
* - Running only one write even when there are multiple modifications to the same document.
* - Run all writes ins a single bulkWrite() call even when there are writes to many documents.
*/
var IncrementalWriteQueue = class {
	queueByDocId = /* @__PURE__ */ new Map();
	isRunning = false;
	constructor(storageInstance, primaryPath, preWrite, postWrite) {
		this.storageInstance = storageInstance;
		this.primaryPath = primaryPath;
		this.preWrite = preWrite;
		this.postWrite = postWrite;
	}
	addWrite(lastKnownDocumentState, modifier) {
		var docId = lastKnownDocumentState[this.primaryPath];
		var ar = getFromMapOrCreate(this.queueByDocId, docId, () => []);
		return new Promise((resolve, reject) => {
			var item = {
				lastKnownDocumentState,
				modifier,
				resolve,
				reject
			};
			ensureNotFalsy(ar).push(item);
			this.triggerRun();
		});
	}
	async triggerRun() {
		if (this.isRunning === true || this.queueByDocId.size === 0) return;
		this.isRunning = true;
		var writeRows = [];
		/**
		* 'take over' so that while the async functions runs,
		* new incremental updates could be added from the outside.
		*/
		var itemsById = this.queueByDocId;
		this.queueByDocId = /* @__PURE__ */ new Map();
		try {
			await Promise.all(Array.from(itemsById.entries()).map(async ([_docId, items]) => {
				var oldData = findNewestOfDocumentStates(items.map((i) => i.lastKnownDocumentState));
				var newData = oldData;
				for (var item of items) try {
					newData = await item.modifier(
						/**
						* We have to clone() each time because the modifier
						* might throw while it already changed some properties
						* of the document.
						*/
						clone$1(newData)
					);
				} catch (err) {
					item.reject(err);
					item.reject = () => {};
					item.resolve = () => {};
				}
				try {
					await this.preWrite(newData, oldData);
				} catch (err) {
					/**
					* If the before-hooks fail,
					* we reject all of the writes because it is
					* not possible to determine which one is to blame.
					*/
					items.forEach((item) => item.reject(err));
					return;
				}
				writeRows.push({
					previous: oldData,
					document: newData
				});
			}));
			var writeResult;
			try {
				writeResult = writeRows.length > 0 ? await this.storageInstance.bulkWrite(writeRows, "incremental-write") : { error: [] };
			} catch (err) {
				itemsById.forEach((items) => {
					items.forEach((item) => item.reject(err));
				});
			}
			if (writeResult) {
				await Promise.all(getWrittenDocumentsFromBulkWriteResponse(this.primaryPath, writeRows, writeResult).map((result) => {
					var docId = result[this.primaryPath];
					this.postWrite(result);
					getFromMapOrThrow(itemsById, docId).forEach((item) => item.resolve(result));
				}));
				writeResult.error.forEach((error) => {
					var docId = error.documentId;
					var items = getFromMapOrThrow(itemsById, docId);
					var isConflict = isBulkWriteConflictError(error);
					if (isConflict) {
						var ar = getFromMapOrCreate(this.queueByDocId, docId, () => []);
						/**
						* Add the items back to this.queueByDocId
						* by maintaining the original order.
						*/
						items.reverse().forEach((item) => {
							item.lastKnownDocumentState = ensureNotFalsy(isConflict.documentInDb);
							ensureNotFalsy(ar).unshift(item);
						});
					} else {
						var rxError = rxStorageWriteErrorToRxError(error);
						items.forEach((item) => item.reject(rxError));
					}
				});
			}
		} finally {
			this.isRunning = false;
		}
		/**
		* Always trigger another run
		* because in between there might be new items
		* been added to the queue.
		*/
		return this.triggerRun();
	}
};
function modifierFromPublicToInternal(publicModifier) {
	var ret = async (docData) => {
		var withoutMeta = stripMetaDataFromDocument(docData);
		withoutMeta._deleted = docData._deleted;
		var modified = await publicModifier(withoutMeta);
		var reattachedMeta = Object.assign({}, modified, {
			_meta: docData._meta,
			_attachments: docData._attachments,
			_rev: docData._rev,
			_deleted: typeof modified._deleted !== "undefined" ? modified._deleted : docData._deleted
		});
		if (typeof reattachedMeta._deleted === "undefined") reattachedMeta._deleted = false;
		return reattachedMeta;
	};
	return ret;
}
function findNewestOfDocumentStates(docs) {
	var newest = docs[0];
	var newestRevisionHeight = getHeightOfRevision(newest._rev);
	docs.forEach((doc) => {
		var height = getHeightOfRevision(doc._rev);
		if (height > newestRevisionHeight) {
			newest = doc;
			newestRevisionHeight = height;
		}
	});
	return newest;
}
// node_modules/rxdb/dist/esm/rx-database-internal-store.js
var INTERNAL_CONTEXT_COLLECTION = "collection";
var INTERNAL_CONTEXT_STORAGE_TOKEN = "storage-token";
var INTERNAL_STORE_SCHEMA = fillWithDefaultSettings({
	version: 0,
	title: "RxInternalDocument",
	primaryKey: {
		key: "id",
		fields: ["context", "key"],
		separator: "|"
	},
	type: "object",
	properties: {
		id: {
			type: "string",
			maxLength: 200
		},
		key: { type: "string" },
		context: {
			type: "string",
			enum: [
				INTERNAL_CONTEXT_COLLECTION,
				INTERNAL_CONTEXT_STORAGE_TOKEN,
				"rx-migration-status",
				"rx-pipeline-checkpoint",
				"OTHER"
			]
		},
		data: {
			type: "object",
			additionalProperties: true
		}
	},
	indexes: [],
	required: [
		"key",
		"context",
		"data"
	],
	additionalProperties: false,
	/**
	* If the sharding plugin is used,
	* it must not shard on the internal RxStorageInstance
	* because that one anyway has only a small amount of documents
	* and also its creation is in the hot path of the initial page load,
	* so we should spend less time creating multiple RxStorageInstances.
	*/
	sharding: {
		shards: 1,
		mode: "collection"
	}
});
function getPrimaryKeyOfInternalDocument(key, context) {
	return getComposedPrimaryKeyOfDocumentData(INTERNAL_STORE_SCHEMA, {
		key,
		context
	});
}
/**
* Returns all internal documents
* with context 'collection'
*/
async function getAllCollectionDocuments(storageInstance) {
	var getAllQueryPrepared = prepareQuery(storageInstance.schema, {
		selector: {
			context: INTERNAL_CONTEXT_COLLECTION,
			_deleted: { $eq: false }
		},
		sort: [{ id: "asc" }],
		skip: 0
	});
	return (await storageInstance.query(getAllQueryPrepared)).documents;
}
/**
* to not confuse multiInstance-messages with other databases that have the same
* name and adapter, but do not share state with this one (for example in-memory-instances),
* we set a storage-token and use it in the broadcast-channel
*/
var STORAGE_TOKEN_DOCUMENT_KEY = "storageToken";
var STORAGE_TOKEN_DOCUMENT_ID = getPrimaryKeyOfInternalDocument(STORAGE_TOKEN_DOCUMENT_KEY, INTERNAL_CONTEXT_STORAGE_TOKEN);
async function ensureStorageTokenDocumentExists(rxDatabase) {
	/**
	* To have less read-write cycles,
	* we just try to insert a new document
	* and only fetch the existing one if a conflict happened.
	*/
	var storageToken = randomToken$1(10);
	var passwordHash = rxDatabase.password ? await rxDatabase.hashFunction(JSON.stringify(rxDatabase.password)) : void 0;
	var writeRows = [{ document: {
		id: STORAGE_TOKEN_DOCUMENT_ID,
		context: INTERNAL_CONTEXT_STORAGE_TOKEN,
		key: STORAGE_TOKEN_DOCUMENT_KEY,
		data: {
			rxdbVersion: rxDatabase.rxdbVersion,
			token: storageToken,
			/**
			* We add the instance token here
			* to be able to detect if a given RxDatabase instance
			* is the first instance that was ever created
			* or if databases have existed earlier on that storage
			* with the same database name.
			*/
			instanceToken: rxDatabase.token,
			passwordHash
		},
		_deleted: false,
		_meta: getDefaultRxDocumentMeta(),
		_rev: getDefaultRevision(),
		_attachments: {}
	} }];
	var writeResult = await rxDatabase.internalStore.bulkWrite(writeRows, "internal-add-storage-token");
	if (!writeResult.error[0]) return getWrittenDocumentsFromBulkWriteResponse("id", writeRows, writeResult)[0];
	/**
	* If we get a 409 error,
	* it means another instance already inserted the storage token.
	* So we get that token from the database and return that one.
	*/
	var error = ensureNotFalsy(writeResult.error[0]);
	if (error.isError && isBulkWriteConflictError(error)) {
		var conflictError = error;
		if (!isDatabaseStateVersionCompatibleWithDatabaseCode(conflictError.documentInDb.data.rxdbVersion, rxDatabase.rxdbVersion)) throw newRxError("DM5", { args: {
			database: rxDatabase.name,
			databaseStateVersion: conflictError.documentInDb.data.rxdbVersion,
			codeVersion: rxDatabase.rxdbVersion
		} });
		if (passwordHash && passwordHash !== conflictError.documentInDb.data.passwordHash) throw newRxError("DB1", {
			passwordHash,
			existingPasswordHash: conflictError.documentInDb.data.passwordHash
		});
		var storageTokenDocInDb = conflictError.documentInDb;
		return ensureNotFalsy(storageTokenDocInDb);
	}
	throw error;
}
function isDatabaseStateVersionCompatibleWithDatabaseCode(databaseStateVersion, codeVersion) {
	if (!databaseStateVersion) return false;
	var stateMajor = databaseStateVersion.split(".")[0];
	var codeMajor = codeVersion.split(".")[0];
	/**
	* Version data must be upwards compatible to next one
	*/
	if (stateMajor === "16" && codeMajor === "17") return true;
	if (stateMajor !== codeMajor) return false;
	return true;
}
async function addConnectedStorageToCollection(collection, storageCollectionName, schema) {
	if (collection.schema.version !== schema.version) throw newRxError("SNH", {
		schema,
		version: collection.schema.version,
		name: collection.name,
		collection,
		args: { storageCollectionName }
	});
	var collectionDocId = getPrimaryKeyOfInternalDocument(_collectionNamePrimary(collection.name, collection.schema.jsonSchema), INTERNAL_CONTEXT_COLLECTION);
	while (true) {
		var collectionDoc = await getSingleDocument(collection.database.internalStore, collectionDocId);
		var saveData = clone$1(ensureNotFalsy(collectionDoc));
		if (saveData.data.connectedStorages.find((row) => row.collectionName === storageCollectionName && row.schema.version === schema.version)) return;
		saveData.data.connectedStorages.push({
			collectionName: storageCollectionName,
			schema
		});
		try {
			await writeSingle(collection.database.internalStore, {
				previous: ensureNotFalsy(collectionDoc),
				document: saveData
			}, "add-connected-storage-to-collection");
		} catch (err) {
			if (!isBulkWriteConflictError(err)) throw err;
		}
	}
}
async function removeConnectedStorageFromCollection(collection, storageCollectionName, schema) {
	if (collection.schema.version !== schema.version) throw newRxError("SNH", {
		schema,
		version: collection.schema.version,
		name: collection.name,
		collection,
		args: { storageCollectionName }
	});
	var collectionDocId = getPrimaryKeyOfInternalDocument(_collectionNamePrimary(collection.name, collection.schema.jsonSchema), INTERNAL_CONTEXT_COLLECTION);
	while (true) {
		var collectionDoc = await getSingleDocument(collection.database.internalStore, collectionDocId);
		var saveData = clone$1(ensureNotFalsy(collectionDoc));
		if (!saveData.data.connectedStorages.find((row) => row.collectionName === storageCollectionName && row.schema.version === schema.version)) return;
		saveData.data.connectedStorages = saveData.data.connectedStorages.filter((item) => item.collectionName !== storageCollectionName);
		try {
			await writeSingle(collection.database.internalStore, {
				previous: ensureNotFalsy(collectionDoc),
				document: saveData
			}, "remove-connected-storage-from-collection");
		} catch (err) {
			if (!isBulkWriteConflictError(err)) throw err;
		}
	}
}
/**
* returns the primary for a given collection-data
* used in the internal store of a RxDatabase
*/
function _collectionNamePrimary(name, schema) {
	return name + "-" + schema.version;
}
// node_modules/rxdb/dist/esm/rx-collection-helper.js
/**
* fills in the default data.
* This also clones the data.
*/
function fillObjectDataBeforeInsert(schema, data, skipPrimaryKeyFill = false) {
	data = flatClone(data);
	data = fillObjectWithDefaults(schema, data);
	if (!skipPrimaryKeyFill && typeof schema.jsonSchema.primaryKey !== "string") data = fillPrimaryKey(schema.primaryPath, schema.jsonSchema, data);
	/**
	* _meta and _rev are not set here because
	* they are always overwritten by the wrapped storage instance
	* in getWrappedStorageInstance() before the actual write.
	* Skipping them here avoids unnecessary object allocations on the hot path.
	*
	* _deleted and _attachments still need to be initialized here because
	* the wrapped storage does NOT set them, and they are required
	* for the document to be valid before the storage write
	* (e.g. _attachments is checked during attachment normalization in bulkInsert).
	*/
	if (!("_deleted" in data)) data._deleted = false;
	if (!("_attachments" in data)) data._attachments = {};
	return data;
}
/**
* Normalizes inline attachment inputs on a document's _attachments.
* Accepts an array of { id, type, data } objects (aligned with putAttachment API)
* and converts to the internal map format { [id]: { type, data, digest, length } }.
* For each entry where data is a Blob and digest is missing,
* computes digest via hashFunction and sets length from Blob.size.
* Already-complete RxAttachmentWriteData entries are left untouched.
*/
async function normalizeInlineAttachments(hashFunction, attachments) {
	if (attachments == null || typeof attachments !== "object") throw newRxError("COL24", { data: attachments });
	var entries;
	if (Array.isArray(attachments)) {
		var attachmentMap = {};
		for (var att of attachments) {
			if (!att || typeof att.id !== "string" || att.id.length === 0 || typeof att.type !== "string" || att.type.length === 0 || !(att.data instanceof Blob)) throw newRxError("AT2", { obj: att });
			if (Object.prototype.hasOwnProperty.call(attachmentMap, att.id)) throw newRxError("AT3", { obj: att });
			attachmentMap[att.id] = {
				type: att.type,
				data: att.data
			};
		}
		entries = Object.entries(attachmentMap);
		await Promise.all(entries.map(async ([, att]) => {
			if (att.data instanceof Blob && !att.digest) {
				att.digest = await hashFunction(att.data);
				att.length = att.data.size;
			}
		}));
		return attachmentMap;
	}
	if (typeof attachments === "object" && Object.keys(attachments).length === 0) return attachments;
	entries = Object.entries(attachments);
	if (entries.every(([, att]) => att.digest)) return attachments;
	throw newRxError("COL24", { data: attachments });
}
/**
* Creates the storage instances that are used internally in the collection
*/
async function createRxCollectionStorageInstance(rxDatabase, storageInstanceCreationParams) {
	storageInstanceCreationParams.multiInstance = rxDatabase.multiInstance;
	return await rxDatabase.storage.createStorageInstance(storageInstanceCreationParams);
}
/**
* Removes the main storage of the collection
* and all connected storages like the ones from the replication meta etc.
*/
async function removeCollectionStorages(storage, databaseInternalStorage, databaseInstanceToken, databaseName, collectionName, multiInstance, password, hashFunction) {
	var relevantCollectionMetaDocs = (await getAllCollectionDocuments(databaseInternalStorage)).filter((metaDoc) => metaDoc.data.name === collectionName);
	var removeStorages = [];
	relevantCollectionMetaDocs.forEach((metaDoc) => {
		removeStorages.push({
			collectionName: metaDoc.data.name,
			schema: metaDoc.data.schema,
			isCollection: true
		});
		metaDoc.data.connectedStorages.forEach((row) => removeStorages.push({
			collectionName: row.collectionName,
			isCollection: false,
			schema: row.schema
		}));
	});
	var alreadyAdded = /* @__PURE__ */ new Set();
	removeStorages = removeStorages.filter((row) => {
		var key = row.collectionName + "||" + row.schema.version;
		if (alreadyAdded.has(key)) return false;
		else {
			alreadyAdded.add(key);
			return true;
		}
	});
	await Promise.all(removeStorages.map(async (row) => {
		await (await storage.createStorageInstance({
			collectionName: row.collectionName,
			databaseInstanceToken,
			databaseName,
			/**
			* multiInstance must be set to true if multiInstance
			* was true on the database
			* so that the storageInstance can inform other
			* instances about being removed.
			*/
			multiInstance,
			options: {},
			schema: row.schema,
			password,
			devMode: overwritable.isDevMode()
		})).remove();
		if (row.isCollection) await runAsyncPluginHooks("postRemoveRxCollection", {
			storage,
			databaseName,
			collectionName
		});
	}));
	if (hashFunction) {
		var writeRows = relevantCollectionMetaDocs.map((doc) => {
			var writeDoc = flatCloneDocWithMeta(doc);
			writeDoc._deleted = true;
			writeDoc._meta.lwt = now$1();
			writeDoc._rev = createRevision(databaseInstanceToken, doc);
			return {
				previous: doc,
				document: writeDoc
			};
		});
		await databaseInternalStorage.bulkWrite(writeRows, "rx-database-remove-collection-all");
	}
}
function ensureRxCollectionIsNotClosed(collection) {
	if (collection.closed) throw newRxError("COL21", {
		collection: collection.name,
		version: collection.schema.version
	});
}
/**
* Asserts that a write to the given collection is currently allowed.
* Throws if the collection is closed or if a schema migration is
* pending or running, in which cases external writes would either
* fail or conflict with the migration replication.
*/
function isWriteAllowed(collection) {
	if (collection.closed) throw newRxError("COL21", {
		collection: collection.name,
		version: collection.schema.version
	});
	if (collection.migrationInProgress) throw newRxError("COL25", {
		collection: collection.name,
		version: collection.schema.version
	});
}
// node_modules/rxdb/dist/esm/rx-document.js
var basePrototype = {
	get primaryPath() {
		var _this = this;
		if (!_this.isInstanceOfRxDocument) return;
		return _this.collection.schema.primaryPath;
	},
	get primary() {
		var _this = this;
		if (!_this.isInstanceOfRxDocument) return;
		return _this._data[_this.primaryPath];
	},
	get revision() {
		var _this = this;
		if (!_this.isInstanceOfRxDocument) return;
		return _this._data._rev;
	},
	get deleted$() {
		var _this = this;
		if (!_this.isInstanceOfRxDocument) return;
		return _this.$.pipe(map((d) => d._data._deleted), distinctUntilChanged());
	},
	get deleted$$() {
		var _this = this;
		return _this.collection.database.getReactivityFactory().fromObservable(_this.deleted$, _this.getLatest().deleted, _this.collection.database);
	},
	get deleted() {
		var _this = this;
		if (!_this.isInstanceOfRxDocument) return;
		return _this._data._deleted;
	},
	getLatest() {
		var latestDocData = this.collection._docCache.getLatestDocumentData(this.primary);
		return this.collection._docCache.getCachedRxDocument(latestDocData);
	},
	/**
	* returns the observable which emits the plain-data of this document
	*/
	get $() {
		var _this = this;
		var id = this.primary;
		return defer(() => {
			var latestDocData = _this.collection._docCache.getLatestDocumentData(id);
			return _this.collection.eventBulks$.pipe(filter((bulk) => !bulk.isLocal), map((bulk) => bulk.events.find((ev) => ev.documentId === id)), filter((event) => !!event), map((changeEvent) => getDocumentDataOfRxChangeEvent(ensureNotFalsy(changeEvent))), startWith(latestDocData), distinctUntilChanged((prev, curr) => prev._rev === curr._rev), map((docData) => this.collection._docCache.getCachedRxDocument(docData)));
		}).pipe(shareReplay(RXJS_SHARE_REPLAY_DEFAULTS));
	},
	get $$() {
		var _this = this;
		return _this.collection.database.getReactivityFactory().fromObservable(_this.$, _this.getLatest()._data, _this.collection.database);
	},
	/**
	* returns observable of the value of the given path
	*/
	get$(path) {
		if (overwritable.isDevMode()) {
			if (path.includes(".item.")) throw newRxError("DOC1", { path });
			if (path === this.primaryPath) throw newRxError("DOC2");
			if (this.collection.schema.finalFields.includes(path)) throw newRxError("DOC3", { path });
			if (!getSchemaByObjectPath(this.collection.schema.jsonSchema, path)) throw newRxError("DOC4", { path });
		}
		return this.$.pipe(map((data) => getProperty$1(data, path)), distinctUntilChanged((prev, curr) => {
			/**
			* Use deepEqual for non-primitive values (objects/arrays)
			* because the default === comparison always fails across
			* document revisions since each revision creates new object references.
			*/
			return deepEqual(prev, curr);
		}));
	},
	get$$(path) {
		var obs = this.get$(path);
		return this.collection.database.getReactivityFactory().fromObservable(obs, this.getLatest().get(path), this.collection.database);
	},
	/**
	* populate the given path
	*/
	populate(path) {
		var schemaObj = getSchemaByObjectPath(this.collection.schema.jsonSchema, path);
		/**
		* Validate the schema path BEFORE looking at the document value
		* so that invalid paths and non-ref fields surface as DOC5/DOC6
		* errors even when the value at that path happens to be falsy.
		* Previously the `!value` short-circuit below swallowed these errors.
		*/
		if (!schemaObj) throw newRxError("DOC5", { path });
		var ref = schemaObj.ref ? schemaObj.ref : schemaObj.type === "array" && schemaObj.items && schemaObj.items.ref ? schemaObj.items.ref : void 0;
		if (!ref) throw newRxError("DOC6", {
			path,
			schemaObj
		});
		var refCollection = this.collection.database.collections[ref];
		if (!refCollection) throw newRxError("DOC7", {
			ref,
			path,
			schemaObj
		});
		var value = this.get(path);
		if (!value) return PROMISE_RESOLVE_NULL;
		if (schemaObj.type === "array") return refCollection.findByIds(value).exec().then((res) => {
			var result = [];
			for (var i = 0; i < value.length; i++) {
				var doc = res.get(value[i]);
				if (doc) result.push(doc);
			}
			return result;
		});
		else return refCollection.findOne(value).exec();
	},
	/**
	* get data by objectPath
	* @hotPath Performance here is really important,
	* run some tests before changing anything.
	*/
	get(objPath) {
		return getDocumentProperty(this, objPath);
	},
	toJSON(withMetaFields = false) {
		if (!withMetaFields) {
			var data = flatClone(this._data);
			delete data._rev;
			delete data._attachments;
			delete data._deleted;
			delete data._meta;
			return overwritable.deepFreezeWhenDevMode(data);
		} else return overwritable.deepFreezeWhenDevMode(this._data);
	},
	toMutableJSON(withMetaFields = false) {
		return clone$1(this.toJSON(withMetaFields));
	},
	/**
	* updates document
	* @overwritten by plugin (optional)
	* @param updateObj mongodb-like syntax
	*/
	update(_updateObj) {
		throw pluginMissing("update");
	},
	incrementalUpdate(_updateObj) {
		throw pluginMissing("update");
	},
	updateCRDT(_updateObj) {
		throw pluginMissing("crdt");
	},
	putAttachment() {
		throw pluginMissing("attachments");
	},
	putAttachmentBase64() {
		throw pluginMissing("attachments");
	},
	getAttachment() {
		throw pluginMissing("attachments");
	},
	allAttachments() {
		throw pluginMissing("attachments");
	},
	get allAttachments$() {
		throw pluginMissing("attachments");
	},
	async modify(mutationFunction, _context) {
		var oldData = this._data;
		var newData = await modifierFromPublicToInternal(mutationFunction)(clone$1(oldData));
		return this._saveData(newData, oldData);
	},
	/**
	* runs an incremental update over the document
	* @param function that takes the document-data and returns a new data-object
	*/
	incrementalModify(mutationFunction, _context) {
		isWriteAllowed(this.collection);
		return this.collection.incrementalWriteQueue.addWrite(this._data, modifierFromPublicToInternal(mutationFunction)).then((result) => this.collection._docCache.getCachedRxDocument(result));
	},
	patch(patch) {
		var oldData = this._data;
		var newData = clone$1(oldData);
		Object.entries(patch).forEach(([k, v]) => {
			newData[k] = v;
		});
		return this._saveData(newData, oldData);
	},
	/**
	* patches the given properties
	*/
	incrementalPatch(patch) {
		return this.incrementalModify((docData) => {
			Object.entries(patch).forEach(([k, v]) => {
				docData[k] = v;
			});
			return docData;
		});
	},
	/**
	* saves the new document-data
	* and handles the events
	*/
	async _saveData(newData, oldData) {
		isWriteAllowed(this.collection);
		newData = flatClone(newData);
		if (this._data._deleted) throw newRxError("DOC11", {
			id: this.primary,
			document: this
		});
		await beforeDocumentUpdateWrite(this.collection, newData, oldData);
		var writeRows = [{
			previous: oldData,
			document: newData
		}];
		var writeResult = await this.collection.storageInstance.bulkWrite(writeRows, "rx-document-save-data");
		var isError = writeResult.error[0];
		throwIfIsStorageWriteError(this.collection, this.primary, newData, isError);
		await this.collection._runHooks("post", "save", newData, this);
		return this.collection._docCache.getCachedRxDocument(getWrittenDocumentsFromBulkWriteResponse(this.collection.schema.primaryPath, writeRows, writeResult)[0]);
	},
	/**
	* Remove the document.
	* Notice that there is no hard delete,
	* instead deleted documents get flagged with _deleted=true.
	*/
	async remove() {
		if (this.deleted) return Promise.reject(newRxError("DOC13", {
			document: this,
			id: this.primary
		}));
		var removeResult = await this.collection.bulkRemove([this]);
		if (removeResult.error.length > 0) {
			var error = removeResult.error[0];
			throwIfIsStorageWriteError(this.collection, this.primary, this._data, error);
		}
		return removeResult.success[0];
	},
	incrementalRemove() {
		return this.incrementalModify(async (docData) => {
			await this.collection._runHooks("pre", "remove", docData, this);
			docData._deleted = true;
			return docData;
		}).then(async (newDoc) => {
			await this.collection._runHooks("post", "remove", newDoc._data, newDoc);
			return newDoc;
		});
	},
	close() {
		throw newRxError("DOC14");
	}
};
function createRxDocumentConstructor(proto = basePrototype) {
	var constructor = function RxDocumentConstructor(collection, docData) {
		this.collection = collection;
		this._data = docData;
		/**
		* @performance
		* Lazy-initialize _propertyCache only when first needed
		* instead of creating a new Map for every RxDocument,
		* since many documents (e.g. from query results) may never
		* have their properties accessed via the cache.
		*/
		this._propertyCache = void 0;
		/**
		* because of the prototype-merge,
		* we can not use the native instanceof operator
		*/
		this.isInstanceOfRxDocument = true;
	};
	constructor.prototype = proto;
	return constructor;
}
function createWithConstructor(constructor, collection, jsonData) {
	var doc = new constructor(collection, jsonData);
	runPluginHooks("createRxDocument", doc);
	return doc;
}
function beforeDocumentUpdateWrite(collection, newData, oldData) {
	/**
	* Meta values must always be merged
	* instead of overwritten.
	* This ensures that different plugins do not overwrite
	* each others meta properties.
	*/
	newData._meta = Object.assign({}, oldData._meta, newData._meta);
	if (overwritable.isDevMode()) collection.schema.validateChange(oldData, newData);
	return collection._runHooks("pre", "save", newData, oldData);
}
function getDocumentProperty(doc, objPath) {
	/**
	* @performance Lazy-initialize _propertyCache on first access
	* to avoid creating a Map for documents that never use it.
	*/
	var propertyCache = doc._propertyCache;
	if (!propertyCache) {
		propertyCache = /* @__PURE__ */ new Map();
		doc._propertyCache = propertyCache;
	}
	var ret = propertyCache.get(objPath);
	if (ret === void 0) {
		ret = createDocumentPropertyValue(doc, objPath, getProperty$1(doc._data, objPath));
		propertyCache.set(objPath, ret);
	}
	return ret;
}
/**
* Same as getDocumentProperty() but used when the value
* at the objPath is already known.
* @performance This avoids walking the whole objPath
* from the document root again on each nested property access.
*/
function getNestedDocumentProperty(doc, objPath, valueObj) {
	var propertyCache = doc._propertyCache;
	var ret = propertyCache.get(objPath);
	if (ret === void 0) {
		ret = createDocumentPropertyValue(doc, objPath, valueObj);
		propertyCache.set(objPath, ret);
	}
	return ret;
}
function createDocumentPropertyValue(doc, objPath, valueObj) {
	if (typeof valueObj !== "object" || valueObj === null || Array.isArray(valueObj)) return overwritable.deepFreezeWhenDevMode(valueObj);
	return new Proxy(
		/**
		* In dev-mode, the _data is deep-frozen
		* so we have to flat clone here so that
		* the proxy can work.
		*/
		flatClone(valueObj),
		{ 
		/**
		* @performance is really important here
		* because people access nested properties very often
		* and might not be aware that this is internally using a Proxy
		*/
get(target, property) {
			if (typeof property !== "string") return target[property];
			var lastChar = property.charAt(property.length - 1);
			if (lastChar === "$") {
				if (property.endsWith("$$")) {
					var key = property.slice(0, -2);
					return doc.get$$(trimDots(objPath + "." + key));
				} else {
					var _key = property.slice(0, -1);
					return doc.get$(trimDots(objPath + "." + _key));
				}
			} else if (lastChar === "_") {
				var _key2 = property.slice(0, -1);
				return doc.populate(trimDots(objPath + "." + _key2));
			} else {
				/**
				* Performance shortcut
				* In most cases access to nested properties
				* will only access simple values which can be directly returned
				* without creating a new Proxy or utilizing the cache.
				*/
				var plainValue = target[property];
				if (typeof plainValue === "number" || typeof plainValue === "string" || typeof plainValue === "boolean") return plainValue;
				var nestedPath = trimDots(objPath + "." + property);
				/**
				* Property names that contain path syntax characters
				* must use getProperty() so that their cache key
				* cannot point to a value of another path.
				*/
				if (typeof plainValue === "object" && property !== "__proto__" && !property.includes(".") && !property.includes("[") && !property.includes("\\")) return getNestedDocumentProperty(doc, nestedPath, plainValue);
				return getDocumentProperty(doc, nestedPath);
			}
		} }
	);
}
// node_modules/event-reduce-js/dist/esm/src/util.js
function isObject(value) {
	const type = typeof value;
	return value !== null && (type === "object" || type === "function");
}
function getProperty(object, path, value) {
	if (Array.isArray(path)) path = path.join(".");
	if (!isObject(object) || typeof path !== "string") return value === void 0 ? object : value;
	const pathArray = path.split(".");
	if (pathArray.length === 0) return value;
	for (let index = 0; index < pathArray.length; index++) {
		const key = pathArray[index];
		if (isStringIndex(object, key)) object = index === pathArray.length - 1 ? void 0 : null;
		else object = object[key];
		if (object === void 0 || object === null) {
			if (index !== pathArray.length - 1) return value;
			break;
		}
	}
	return object === void 0 ? value : object;
}
function isStringIndex(object, key) {
	if (typeof key !== "number" && Array.isArray(object)) {
		const index = Number.parseInt(key, 10);
		return Number.isInteger(index) && object[index] === object[key];
	}
	return false;
}
// node_modules/event-reduce-js/dist/esm/src/states/state-resolver.js
var hasLimit = (input) => {
	return !!input.queryParams.limit;
};
var isFindOne = (input) => {
	return input.queryParams.limit === 1;
};
var hasSkip = (input) => {
	return !!input.queryParams.skip && input.queryParams.skip > 0;
};
var isDelete = (input) => {
	return input.changeEvent.operation === "DELETE";
};
var isInsert = (input) => {
	return input.changeEvent.operation === "INSERT";
};
var isUpdate = (input) => {
	return input.changeEvent.operation === "UPDATE";
};
var wasLimitReached = (input) => {
	const limit = input.queryParams.limit;
	return !!limit && input.previousResults.length >= limit;
};
var sortParamsChanged = (input) => {
	const sortFields = input.queryParams.sortFields;
	const prev = input.changeEvent.previous;
	const doc = input.changeEvent.doc;
	if (!doc) return false;
	if (!prev) return true;
	for (let i = 0; i < sortFields.length; i++) {
		const field = sortFields[i];
		const isNested = field.includes(".");
		if ((isNested ? getProperty(prev, field) : prev[field]) !== (isNested ? getProperty(doc, field) : doc[field])) return true;
	}
	return false;
};
var wasInResult = (input) => {
	const id = input.changeEvent.id;
	if (input.keyDocumentMap) return input.keyDocumentMap.has(id);
	else {
		const primary = input.queryParams.primaryKey;
		const results = input.previousResults;
		for (let i = 0; i < results.length; i++) if (results[i][primary] === id) return true;
		return false;
	}
};
var wasFirst = (input) => {
	const first = input.previousResults[0];
	return !!first && first[input.queryParams.primaryKey] === input.changeEvent.id;
};
var wasLast = (input) => {
	const results = input.previousResults;
	const last = results[results.length - 1];
	return !!last && last[input.queryParams.primaryKey] === input.changeEvent.id;
};
var wasSortedBeforeFirst = (input) => {
	const prev = input.changeEvent.previous;
	if (!prev) return false;
	const first = input.previousResults[0];
	if (!first) return false;
	if (first[input.queryParams.primaryKey] === input.changeEvent.id) return true;
	return input.queryParams.sortComparator(prev, first) < 0;
};
var wasSortedAfterLast = (input) => {
	const prev = input.changeEvent.previous;
	if (!prev) return false;
	const results = input.previousResults;
	const last = results[results.length - 1];
	if (!last) return false;
	if (last[input.queryParams.primaryKey] === input.changeEvent.id) return true;
	return input.queryParams.sortComparator(prev, last) > 0;
};
var isSortedBeforeFirst = (input) => {
	const doc = input.changeEvent.doc;
	if (!doc) return false;
	const first = input.previousResults[0];
	if (!first) return false;
	if (first[input.queryParams.primaryKey] === input.changeEvent.id) return true;
	return input.queryParams.sortComparator(doc, first) < 0;
};
var isSortedAfterLast = (input) => {
	const doc = input.changeEvent.doc;
	if (!doc) return false;
	const results = input.previousResults;
	const last = results[results.length - 1];
	if (!last) return false;
	if (last[input.queryParams.primaryKey] === input.changeEvent.id) return true;
	return input.queryParams.sortComparator(doc, last) > 0;
};
var wasMatching = (input) => {
	const prev = input.changeEvent.previous;
	if (!prev) return false;
	return input.queryParams.queryMatcher(prev);
};
var doesMatchNow = (input) => {
	const doc = input.changeEvent.doc;
	if (!doc) return false;
	return input.queryParams.queryMatcher(doc);
};
var wasResultsEmpty = (input) => {
	return input.previousResults.length === 0;
};
// node_modules/event-reduce-js/dist/esm/src/states/index.js
var stateResolveFunctionByIndex = {
	0: isInsert,
	1: isUpdate,
	2: isDelete,
	3: hasLimit,
	4: isFindOne,
	5: hasSkip,
	6: wasResultsEmpty,
	7: wasLimitReached,
	8: wasFirst,
	9: wasLast,
	10: sortParamsChanged,
	11: wasInResult,
	12: wasSortedBeforeFirst,
	13: wasSortedAfterLast,
	14: isSortedBeforeFirst,
	15: isSortedAfterLast,
	16: wasMatching,
	17: doesMatchNow
};
// node_modules/array-push-at-sort-position/dist/esm/index.js
/**
* copied and adapted from npm 'binary-search-insert'
* @link https://www.npmjs.com/package/binary-search-insert
*/
function pushAtSortPosition(array, item, compareFunction, low) {
	var length = array.length;
	var high = length - 1;
	/**
	* Optimization shortcut.
	*/
	if (length === 0) {
		array.push(item);
		return 0;
	}
	/**
	* Optimization shortcut.
	* Item belongs at the end, use push() which is O(1)
	* instead of splice() which is O(n).
	*/
	if (compareFunction(array[high], item) <= 0) {
		array.push(item);
		return length;
	}
	/**
	* Optimization shortcut.
	* Item belongs before the current low index,
	* so we can skip the binary search.
	*/
	if (compareFunction(array[low], item) > 0) {
		array.splice(low, 0, item);
		return low;
	}
	var mid = 0;
	while (low <= high) {
		mid = low + (high - low >> 1);
		if (compareFunction(array[mid], item) <= 0) low = mid + 1;
		else high = mid - 1;
	}
	/**
	* Insert at correct position.
	* After binary search, low is the correct insertion index.
	*/
	array.splice(low, 0, item);
	return low;
}
// node_modules/event-reduce-js/dist/esm/src/actions/action-functions.js
var doNothing = (_input) => {};
var insertFirst = (input) => {
	input.previousResults.unshift(input.changeEvent.doc);
	if (input.keyDocumentMap) input.keyDocumentMap.set(input.changeEvent.id, input.changeEvent.doc);
};
var insertLast = (input) => {
	input.previousResults.push(input.changeEvent.doc);
	if (input.keyDocumentMap) input.keyDocumentMap.set(input.changeEvent.id, input.changeEvent.doc);
};
var removeFirstItem = (input) => {
	const first = input.previousResults.shift();
	if (input.keyDocumentMap && first) input.keyDocumentMap.delete(first[input.queryParams.primaryKey]);
};
var removeLastItem = (input) => {
	const last = input.previousResults.pop();
	if (input.keyDocumentMap && last) input.keyDocumentMap.delete(last[input.queryParams.primaryKey]);
};
var removeFirstInsertLast = (input) => {
	removeFirstItem(input);
	insertLast(input);
};
var removeLastInsertFirst = (input) => {
	removeLastItem(input);
	insertFirst(input);
};
var removeFirstInsertFirst = (input) => {
	removeFirstItem(input);
	insertFirst(input);
};
var removeLastInsertLast = (input) => {
	removeLastItem(input);
	insertLast(input);
};
var removeExisting = (input) => {
	if (input.keyDocumentMap) input.keyDocumentMap.delete(input.changeEvent.id);
	const primary = input.queryParams.primaryKey;
	const results = input.previousResults;
	for (let i = 0; i < results.length; i++) if (results[i][primary] === input.changeEvent.id) {
		results.splice(i, 1);
		break;
	}
};
var replaceExisting = (input) => {
	const doc = input.changeEvent.doc;
	const primary = input.queryParams.primaryKey;
	const results = input.previousResults;
	for (let i = 0; i < results.length; i++) if (results[i][primary] === input.changeEvent.id) {
		results[i] = doc;
		if (input.keyDocumentMap) input.keyDocumentMap.set(input.changeEvent.id, doc);
		break;
	}
};
/**
* this function always returns wrong results
* it must be later optimised out
* otherwise there is something broken
*/
var alwaysWrong = (input) => {
	const wrongHuman = { _id: "wrongHuman" + (/* @__PURE__ */ new Date()).getTime() };
	input.previousResults.length = 0;
	input.previousResults.push(wrongHuman);
	if (input.keyDocumentMap) {
		input.keyDocumentMap.clear();
		input.keyDocumentMap.set(wrongHuman._id, wrongHuman);
	}
};
var insertAtSortPosition = (input) => {
	const docId = input.changeEvent.id;
	const doc = input.changeEvent.doc;
	if (input.keyDocumentMap) {
		if (input.keyDocumentMap.has(docId))
 /**
		* If document is already in results,
		* we cannot add it again because it would throw on non-deterministic ordering.
		*/
		return;
		input.keyDocumentMap.set(docId, doc);
	} else if (input.previousResults.find((d) => d[input.queryParams.primaryKey] === docId)) return;
	pushAtSortPosition(input.previousResults, doc, input.queryParams.sortComparator, 0);
};
var removeExistingAndInsertAtSortPosition = (input) => {
	removeExisting(input);
	insertAtSortPosition(input);
};
var runFullQueryAgain = (_input) => {
	throw new Error("Action runFullQueryAgain must be implemented by yourself");
};
var unknownAction = (_input) => {
	throw new Error("Action unknownAction should never be called");
};
// node_modules/event-reduce-js/dist/esm/src/actions/index.js
/**
* all actions ordered by performance-cost
* cheapest first
* TODO run tests on which is really the fastest
*/
var orderedActionList = [
	"doNothing",
	"insertFirst",
	"insertLast",
	"removeFirstItem",
	"removeLastItem",
	"removeFirstInsertLast",
	"removeLastInsertFirst",
	"removeFirstInsertFirst",
	"removeLastInsertLast",
	"removeExisting",
	"replaceExisting",
	"alwaysWrong",
	"insertAtSortPosition",
	"removeExistingAndInsertAtSortPosition",
	"runFullQueryAgain",
	"unknownAction"
];
var actionFunctions = {
	doNothing,
	insertFirst,
	insertLast,
	removeFirstItem,
	removeLastItem,
	removeFirstInsertLast,
	removeLastInsertFirst,
	removeFirstInsertFirst,
	removeLastInsertLast,
	removeExisting,
	replaceExisting,
	alwaysWrong,
	insertAtSortPosition,
	removeExistingAndInsertAtSortPosition,
	runFullQueryAgain,
	unknownAction
};
function getNumberOfChar(char) {
	return char.charCodeAt(0) - 40;
}
// node_modules/binary-decision-diagram/dist/esm/src/util.js
/**
* @link https://stackoverflow.com/a/1349426
*/
function makeid(length = 6) {
	let result = "";
	const characters = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
	const charactersLength = 62;
	for (let i = 0; i < length; i++) result += characters.charAt(Math.floor(Math.random() * charactersLength));
	return result;
}
makeid(4);
/**
* @link https://stackoverflow.com/a/6259536
*/
function splitStringToChunks(str, chunkSize) {
	const chunks = [];
	for (let i = 0, charsLength = str.length; i < charsLength; i += chunkSize) chunks.push(str.substring(i, i + chunkSize));
	return chunks;
}
// node_modules/binary-decision-diagram/dist/esm/src/minimal-string/minimal-string-to-simple-bdd.js
function minimalStringToSimpleBdd(str) {
	const nodesById = /* @__PURE__ */ new Map();
	const lastLeafNodeChar = 2 + parseInt(str.charAt(0) + str.charAt(1), 10) * 2;
	const leafNodeChunks = splitStringToChunks(str.substring(2, lastLeafNodeChar), 2);
	for (let i = 0; i < leafNodeChunks.length; i++) {
		const chunk = leafNodeChunks[i];
		const id = chunk.charAt(0);
		const value = getNumberOfChar(chunk.charAt(1));
		nodesById.set(id, value);
	}
	const internalNodeChunks = splitStringToChunks(str.substring(lastLeafNodeChar, str.length - 3), 4);
	for (let i = 0; i < internalNodeChunks.length; i++) {
		const chunk = internalNodeChunks[i];
		const id = chunk.charAt(0);
		const idOf0Branch = chunk.charAt(1);
		const idOf1Branch = chunk.charAt(2);
		const level = getNumberOfChar(chunk.charAt(3));
		if (!nodesById.has(idOf0Branch)) throw new Error("missing node with id " + idOf0Branch);
		if (!nodesById.has(idOf1Branch)) throw new Error("missing node with id " + idOf1Branch);
		const node = {
			l: level,
			0: nodesById.get(idOf0Branch),
			1: nodesById.get(idOf1Branch)
		};
		nodesById.set(id, node);
	}
	const last3 = str.slice(-3);
	const idOf0 = last3.charAt(0);
	const idOf1 = last3.charAt(1);
	return {
		l: getNumberOfChar(last3.charAt(2)),
		0: nodesById.get(idOf0),
		1: nodesById.get(idOf1)
	};
}
// node_modules/binary-decision-diagram/dist/esm/src/minimal-string/resolve-with-simple-bdd.js
function resolveWithSimpleBdd(simpleBdd, fns, input) {
	let currentNode = simpleBdd;
	let currentLevel = simpleBdd.l;
	while (true) {
		const booleanResult = fns[currentLevel](input);
		currentNode = currentNode[booleanResult ? "1" : "0"];
		if (typeof currentNode === "number" || typeof currentNode === "string") return currentNode;
		else currentLevel = currentNode.l;
	}
}
// node_modules/event-reduce-js/dist/esm/src/bdd/bdd.generated.js
var minimalBddString = "14a1b,c+d2e5f0g/h.i4j*k-l)m(n6oeh6pnm6qen6ril6snh6tin6ubo9vce9wmh9xns9yne9zmi9{cm9|ad9}cp9~aq9ae9¡bf9¢bq9£cg9¤ck9¥cn9¦nd9§np9¨nq9©nf9ªng9«nm9¬nk9­mr9®ms9¯mt9°mj9±mk9²ml9³mn9´mc8µ³{8¶¯}8·°¤8¸³§8¹mn8º³«8»³m8¼m´4½z²4¾³w4¿zµ4À¯¶4Á°·4Â³º4Ã³¸4Äm¹4Åv¤7Æyn7ÇÀÁ7È~7É¥¤7ÊÃÄ7Ë¨n7Ìº¹7Í­°7Î®m7Ï¯°7Ð±m7Ñ³m7Ò¼m5ÓÄm5Ô¹m5Õ½°5Ö¾m5×¿°5ØÇÏ5ÙÂm5ÚÊÑ5Û±m5Üºm5ÝÌÑ5ÞÕÍ2ß|2à¡u2á£Å2âÖÎ2ã¦Æ2ä©x2åªÆ2æ×Ø2ç|È2è¡¢2é£É2ê¤¥2ëÙÚ2ì¦Ë2í©n2îªn2ïÛÐ2ðÜÝ2ñ¬n2òÒÓ/óan/ôbn/õcn/öÞâ/÷ßã/øàä/ùáå/úæë/ûçì/üèí/ýéî/þÍÎ/ÿÏÑ/ĀòÔ,ācn,Ăöï,ă¤ñ,Ąúð,ąêñ,ĆþÐ,ćÿÑ,Ĉac0ĉbc0Ċóõ0ċôā0Čßá0čà¤0Ďçé0ďèê0Đ÷ù0đøă0Ēûý0ēüą0ĔmÒ-ĕmĀ-ĖÞæ-ėČĎ-Ęčď-ęĂĄ-ĚĐĒ-ěđē-Ĝ²»-ĝÍÏ-ĞĆć-ğ²³-ĠĔĈ3ġĕĊ3ĢĖė3ģęĚ3ĤĢĝ(ĥĜğ(ĦģĞ(ħĠġ+Ĩĉċ+ĩĤĦ+ĪĘě+īħĨ1ĬĩĪ1ĭĬī*Įĥm*ĭĮ.";
var simpleBdd;
function getSimpleBdd() {
	if (!simpleBdd) simpleBdd = minimalStringToSimpleBdd(minimalBddString);
	return simpleBdd;
}
var resolveInput = (input) => {
	return resolveWithSimpleBdd(getSimpleBdd(), stateResolveFunctionByIndex, input);
};
// node_modules/event-reduce-js/dist/esm/src/index.js
function calculateActionName(input) {
	return orderedActionList[resolveInput(input)];
}
/**
* for performance reasons,
* @mutates the input
* @returns the new results
*/
function runAction(action, queryParams, changeEvent, previousResults, keyDocumentMap) {
	const fn = actionFunctions[action];
	fn({
		queryParams,
		changeEvent,
		previousResults,
		keyDocumentMap
	});
	return previousResults;
}
// node_modules/rxdb/dist/esm/event-reduce.js
function getSortFieldsOfQuery(primaryKey, query) {
	if (!query.sort || query.sort.length === 0) return [primaryKey];
	else return query.sort.map((part) => Object.keys(part)[0]);
}
var RXQUERY_QUERY_PARAMS_CACHE = /* @__PURE__ */ new WeakMap();
function getQueryParams(rxQuery) {
	return getFromMapOrCreate(RXQUERY_QUERY_PARAMS_CACHE, rxQuery, () => {
		var collection = rxQuery.collection;
		var normalizedMangoQuery = normalizeMangoQuery(collection.storageInstance.schema, clone$1(rxQuery.mangoQuery));
		var primaryKey = collection.schema.primaryPath;
		/**
		* Create a custom sort comparator
		* that uses the hooks to ensure
		* we send for example compressed documents to be sorted by compressed queries.
		*
		* @performance
		* Avoid creating intermediate wrapper objects on every comparison call.
		* The sortComparator and queryMatcher are called directly.
		*/
		var useSortComparator = getSortComparator(collection.schema.jsonSchema, normalizedMangoQuery);
		/**
		* Create a custom query matcher
		* that uses the hooks to ensure
		* we send for example compressed documents to match compressed queries.
		*/
		var useQueryMatcher = getQueryMatcher(collection.schema.jsonSchema, normalizedMangoQuery);
		return {
			primaryKey: rxQuery.collection.schema.primaryPath,
			skip: normalizedMangoQuery.skip,
			limit: normalizedMangoQuery.limit,
			sortFields: getSortFieldsOfQuery(primaryKey, normalizedMangoQuery),
			sortComparator: useSortComparator,
			queryMatcher: useQueryMatcher
		};
	});
}
function calculateNewResults(rxQuery, rxChangeEvents) {
	if (!rxQuery.collection.database.eventReduce) return { runFullQueryAgain: true };
	var queryParams = getQueryParams(rxQuery);
	var previousResults = ensureNotFalsy(rxQuery._result).docsData.slice(0);
	/**
	* Copy the map to avoid mutating the cached docsDataMap on the result object.
	* runAction() modifies the map in-place (adds/removes entries),
	* which would corrupt the cached map if a later event triggers runFullQueryAgain
	* and the full re-exec returns the same results (keeping the old result object).
	* On subsequent event-reduce calls, the corrupted map would cause incorrect
	* results because insertAtSortPosition checks keyDocumentMap.has(docId)
	* to decide whether to skip insertion.
	*/
	var previousResultsMap = new Map(ensureNotFalsy(rxQuery._result).docsDataMap);
	var changed = false;
	var eventReduceEvents = [];
	for (var index = 0; index < rxChangeEvents.length; index++) {
		var cE = rxChangeEvents[index];
		var eventReduceEvent = rxChangeEventToEventReduceChangeEvent(cE);
		if (eventReduceEvent) eventReduceEvents.push(eventReduceEvent);
	}
	if (eventReduceEvents.find((eventReduceEvent) => {
		var actionName = calculateActionName({
			queryParams,
			changeEvent: eventReduceEvent,
			previousResults,
			keyDocumentMap: previousResultsMap
		});
		if (actionName === "runFullQueryAgain") return true;
		else if (actionName !== "doNothing") {
			changed = true;
			runAction(actionName, queryParams, eventReduceEvent, previousResults, previousResultsMap);
			return false;
		}
	})) return { runFullQueryAgain: true };
	else return {
		runFullQueryAgain: false,
		changed,
		newResults: previousResults
	};
}
// node_modules/rxdb/dist/esm/query-cache.js
/**
* the query-cache makes sure that on every query-state, exactly one instance can exist
* if you use the same mango-query more than once, it will reuse the first RxQuery
*/
var QueryCache = class {
	_map = /* @__PURE__ */ new Map();
	/**
	* check if an equal query is in the cache,
	* if true, return the cached one,
	* if false, save the given one and return it
	*/
	getByQuery(rxQuery) {
		var stringRep = rxQuery.toString();
		return getFromMapOrCreate(this._map, stringRep, () => rxQuery);
	}
};
function createQueryCache() {
	return new QueryCache();
}
function uncacheRxQuery(queryCache, rxQuery) {
	rxQuery.uncached = true;
	var stringRep = rxQuery.toString();
	queryCache._map.delete(stringRep);
}
function countRxQuerySubscribers(rxQuery) {
	if (!rxQuery._refCount$) return 0;
	return rxQuery.refCount$.observers.length;
}
var DEFAULT_UNEXECUTED_LIFETIME = 3e4;
/**
* The default cache replacement policy
* See docs-src/query-cache.md to learn how it should work.
* Notice that this runs often and should block the cpu as less as possible
* This is a monad which makes it easier to unit test
*/
var defaultCacheReplacementPolicyMonad = (tryToKeepMax, _unExecutedLifetime) => (_collection, queryCache) => {
	if (queryCache._map.size < tryToKeepMax) return;
	var maybeUncache = [];
	for (var rxQuery of Array.from(queryCache._map.values())) {
		if (countRxQuerySubscribers(rxQuery) > 0) continue;
		if (rxQuery._lastEnsureEqual === 0) {
			uncacheRxQuery(queryCache, rxQuery);
			continue;
		}
		maybeUncache.push(rxQuery);
	}
	var mustUncache = queryCache._map.size - tryToKeepMax;
	if (mustUncache <= 0) return;
	maybeUncache.sort((a, b) => a._lastEnsureEqual - b._lastEnsureEqual).slice(0, mustUncache).forEach((rxQuery) => uncacheRxQuery(queryCache, rxQuery));
};
var defaultCacheReplacementPolicy = defaultCacheReplacementPolicyMonad(100, DEFAULT_UNEXECUTED_LIFETIME);
var COLLECTIONS_WITH_RUNNING_CLEANUP = /* @__PURE__ */ new WeakSet();
/**
* Triggers the cache replacement policy after waitTime has passed.
* We do not run this directly because at exactly the time a query is created,
* we need all CPU to minimize latency.
* Also this should not be triggered multiple times when waitTime is still waiting.
*/
function triggerCacheReplacement(rxCollection) {
	if (COLLECTIONS_WITH_RUNNING_CLEANUP.has(rxCollection)) return;
	COLLECTIONS_WITH_RUNNING_CLEANUP.add(rxCollection);
	/**
	* Do not run directly to not reduce result latency of a new query
	*/
	nextTick().then(() => requestIdlePromise(200)).then(() => {
		if (!rxCollection.closed) rxCollection.cacheReplacementPolicy(rxCollection, rxCollection._queryCache);
		COLLECTIONS_WITH_RUNNING_CLEANUP.delete(rxCollection);
	});
}
// node_modules/rxdb/dist/esm/doc-cache.js
/**
* Because we have to create many cache items,
* we use an array instead of an object with properties
* for better performance and less memory usage.
* @link https://stackoverflow.com/questions/17295056/array-vs-object-efficiency-in-javascript
*/
/**
* @link https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/FinalizationRegistry
*/
/**
* The DocumentCache stores RxDocument objects
* by their primary key and revision.
* This is useful on client side applications where
* it is not known how much memory can be used, so
* we de-duplicate RxDocument states to save memory.
* To not fill up the memory with old document states, the DocumentCache
* only contains weak references to the RxDocuments themself.
* @link https://caniuse.com/?search=weakref
*/
var DocumentCache = class {
	cacheItemByDocId = /* @__PURE__ */ new Map();
	/**
	* Process stuff lazy to not block the CPU
	* on critical paths.
	*/
	tasks = /* @__PURE__ */ new Set();
	/**
	* Some JavaScript runtimes like QuickJS,
	* so not have a FinalizationRegistry or WeakRef.
	* Therefore we need a workaround which might waste a lot of memory,
	* but at least works.
	*/
	registry = typeof FinalizationRegistry === "function" ? new FinalizationRegistry((docMeta) => {
		var docId = docMeta.docId;
		var cacheItem = this.cacheItemByDocId.get(docId);
		if (cacheItem) {
			var byRev = cacheItem[0];
			var weakRef = byRev.get(docMeta.rev);
			/**
			* Only remove entries whose RxDocument is garbage collected.
			* An entry might already have been replaced by another document state
			* which must not be removed.
			*/
			if (weakRef && !weakRef.deref()) byRev.delete(docMeta.rev);
			var byRevAndLwt = cacheItem[2];
			if (byRevAndLwt) {
				var key = revAndLwtKey(docMeta.rev, docMeta.lwt);
				var otherWeakRef = byRevAndLwt.get(key);
				if (otherWeakRef && !otherWeakRef.deref()) byRevAndLwt.delete(key);
				if (byRevAndLwt.size === 0) cacheItem[2] = void 0;
			}
			if (byRev.size === 0 && !cacheItem[2])
 /**
			* No state of the document is cached anymore,
			* so we can clean up.
			*/
			this.cacheItemByDocId.delete(docId);
		}
	}) : void 0;
	constructor(primaryPath, changes$, documentCreator) {
		this.primaryPath = primaryPath;
		this.changes$ = changes$;
		this.documentCreator = documentCreator;
		changes$.subscribe((events) => {
			this.tasks.add(() => {
				var cacheItemByDocId = this.cacheItemByDocId;
				for (var index = 0; index < events.length; index++) {
					var event = events[index];
					var cacheItem = cacheItemByDocId.get(event.documentId);
					if (cacheItem) {
						var documentData = event.documentData;
						if (!documentData) documentData = event.previousDocumentData;
						/**
						* In multiInstance mode the changeStream merges events
						* from the own writes together with the events from other
						* instances that arrive over the BroadcastChannel.
						* These events can arrive out of order, so an older document
						* state might be received after a newer one was already processed.
						* We must not downgrade the cached latest document state in that case,
						* otherwise two instances can end up with diverging "latest" states
						* that never converge.
						* @link https://github.com/pubkey/rxdb/issues/8609
						*/
						var currentLatest = cacheItem[1];
						if (!currentLatest || isNewerDocumentState(documentData, currentLatest)) cacheItem[1] = documentData;
					}
				}
			});
			if (this.tasks.size <= 1) requestIdlePromiseNoQueue().then(() => {
				this.processTasks();
			});
		});
	}
	processTasks() {
		if (this.tasks.size === 0) return;
		this.tasks.forEach((task) => task());
		this.tasks.clear();
	}
	/**
	* Get the RxDocument from the cache
	* and create a new one if not exits before.
	* @overwrites itself with the actual function
	* because this is @performance relevant.
	* It is called on each document row for each write and read.
	*/
	get getCachedRxDocuments() {
		var fn = getCachedRxDocumentMonad(this);
		return overwriteGetterForCaching(this, "getCachedRxDocuments", fn);
	}
	get getCachedRxDocument() {
		var fn = getCachedRxDocumentSingle(this);
		return overwriteGetterForCaching(this, "getCachedRxDocument", fn);
	}
	/**
	* Throws if not exists
	*/
	getLatestDocumentData(docId) {
		this.processTasks();
		return getFromMapOrThrow(this.cacheItemByDocId, docId)[1];
	}
	getLatestDocumentDataIfExists(docId) {
		this.processTasks();
		var cacheItem = this.cacheItemByDocId.get(docId);
		if (cacheItem) return cacheItem[1];
	}
};
/**
* Determines if the given document state has to overwrite
* the currently cached latest state of that document.
*/
function isNewerDocumentState(checkState, currentLatest) {
	/**
	* When the cleanup has purged the tombstone of a deleted document,
	* a write to the same primary key starts a new revision chain at height 1.
	* That state has a lower revision height than the cached tombstone
	* while still being the newer state, so here we compare by the write time
	* instead of by the revision.
	*/
	if (currentLatest._deleted && !checkState._deleted && checkState._meta.lwt > currentLatest._meta.lwt) return true;
	return !isOlderDocumentState(checkState._rev, currentLatest._rev);
}
/**
* Determines if the document state of checkRev is older than the one of currentRev.
* Compares by revision height first and falls back to a deterministic
* comparison of the full revision string so that all instances agree
* on the same winner when the heights are equal.
* Equal revisions are not considered older so that the cached reference
* still gets refreshed, which keeps the previous behavior intact.
*/
function isOlderDocumentState(checkRev, currentRev) {
	if (checkRev === currentRev) return false;
	var checkHeight = getHeightOfRevision(checkRev);
	var currentHeight = getHeightOfRevision(currentRev);
	if (checkHeight !== currentHeight) return checkHeight < currentHeight;
	return checkRev < currentRev;
}
function revAndLwtKey(rev, lwt) {
	return rev + "|" + lwt;
}
/**
* Returns the cached RxDocument of a document state
* that has the same revision as the one in the revision Map
* but a different _meta.lwt.
*/
function getFromOtherStates(cacheItem, rev, lwt) {
	var byRevAndLwt = cacheItem[2];
	if (!byRevAndLwt) return;
	var weakRef = byRevAndLwt.get(revAndLwtKey(rev, lwt));
	return weakRef ? weakRef.deref() : void 0;
}
function addToCacheItem(cacheItem, rev, lwt, rxDocument) {
	var byRev = cacheItem[0];
	var existingWeakRef = byRev.get(rev);
	var existing = existingWeakRef ? existingWeakRef.deref() : void 0;
	if (existing && existing._data._meta.lwt !== lwt) {
		/**
		* Another state with the same revision is still in use,
		* so it must not be replaced.
		*/
		var byRevAndLwt = cacheItem[2];
		if (!byRevAndLwt) {
			byRevAndLwt = /* @__PURE__ */ new Map();
			cacheItem[2] = byRevAndLwt;
		}
		byRevAndLwt.set(revAndLwtKey(rev, lwt), createWeakRefWithFallback(rxDocument));
	} else byRev.set(rev, createWeakRefWithFallback(rxDocument));
}
/**
* @hotPath Dedicated single-document function that avoids array allocations.
* Used by getCachedRxDocument which is called from many call sites.
*/
function getCachedRxDocumentSingle(docCache) {
	var primaryPath = docCache.primaryPath;
	var cacheItemByDocId = docCache.cacheItemByDocId;
	var registry = docCache.registry;
	var deepFreezeWhenDevMode = overwritable.deepFreezeWhenDevMode;
	var documentCreator = docCache.documentCreator;
	return (docData) => {
		var docId = docData[primaryPath];
		var rev = docData._rev;
		var lwt = docData._meta.lwt;
		var cacheItem = cacheItemByDocId.get(docId);
		if (!cacheItem) {
			docData = deepFreezeWhenDevMode(docData);
			var newDoc = documentCreator(docData);
			var newByRev = /* @__PURE__ */ new Map();
			newByRev.set(rev, createWeakRefWithFallback(newDoc));
			cacheItemByDocId.set(docId, [newByRev, docData]);
			if (registry) {
				docCache.tasks.add(() => {
					registry.register(newDoc, {
						docId: newDoc.primary,
						rev,
						lwt
					});
				});
				if (docCache.tasks.size <= 1) requestIdlePromiseNoQueue().then(() => {
					docCache.processTasks();
				});
			}
			return newDoc;
		}
		var cachedRxDocumentWeakRef = cacheItem[0].get(rev);
		var cachedRxDocument = cachedRxDocumentWeakRef ? cachedRxDocumentWeakRef.deref() : void 0;
		if ((!cachedRxDocument || cachedRxDocument._data._meta.lwt !== lwt) && !(cachedRxDocument = getFromOtherStates(cacheItem, rev, lwt))) {
			docData = deepFreezeWhenDevMode(docData);
			cachedRxDocument = documentCreator(docData);
			addToCacheItem(cacheItem, rev, lwt, cachedRxDocument);
			if (registry) {
				var registeredDoc = cachedRxDocument;
				docCache.tasks.add(() => {
					registry.register(registeredDoc, {
						docId: registeredDoc.primary,
						rev,
						lwt
					});
				});
				if (docCache.tasks.size <= 1) requestIdlePromiseNoQueue().then(() => {
					docCache.processTasks();
				});
			}
		}
		return cachedRxDocument;
	};
}
/**
* This function is called very very often.
* @hotPath This is one of the most important methods for performance.
* It is used in many places to transform the raw document data into RxDocuments.
*/
function getCachedRxDocumentMonad(docCache) {
	var primaryPath = docCache.primaryPath;
	var cacheItemByDocId = docCache.cacheItemByDocId;
	var registry = docCache.registry;
	var deepFreezeWhenDevMode = overwritable.deepFreezeWhenDevMode;
	var documentCreator = docCache.documentCreator;
	var fn = (docsData) => {
		var ret = new Array(docsData.length);
		var registryTasks;
		for (var index = 0; index < docsData.length; index++) {
			var docData = docsData[index];
			var docId = docData[primaryPath];
			var rev = docData._rev;
			var lwt = docData._meta.lwt;
			var cacheItem = cacheItemByDocId.get(docId);
			if (!cacheItem) {
				/**
				* New document - no need for WeakRef lookup.
				* Create cache item directly.
				*/
				docData = deepFreezeWhenDevMode(docData);
				var cachedRxDocument = documentCreator(docData);
				var byRev = /* @__PURE__ */ new Map();
				byRev.set(rev, createWeakRefWithFallback(cachedRxDocument));
				cacheItemByDocId.set(docId, [byRev, docData]);
				ret[index] = cachedRxDocument;
				if (registry) {
					if (!registryTasks) registryTasks = [];
					registryTasks.push({
						doc: cachedRxDocument,
						rev,
						lwt
					});
				}
			} else {
				var cachedRxDocumentWeakRef = cacheItem[0].get(rev);
				var _cachedRxDocument = cachedRxDocumentWeakRef ? cachedRxDocumentWeakRef.deref() : void 0;
				if ((!_cachedRxDocument || _cachedRxDocument._data._meta.lwt !== lwt) && !(_cachedRxDocument = getFromOtherStates(cacheItem, rev, lwt))) {
					docData = deepFreezeWhenDevMode(docData);
					_cachedRxDocument = documentCreator(docData);
					addToCacheItem(cacheItem, rev, lwt, _cachedRxDocument);
					if (registry) {
						if (!registryTasks) registryTasks = [];
						registryTasks.push({
							doc: _cachedRxDocument,
							rev,
							lwt
						});
					}
				}
				ret[index] = _cachedRxDocument;
			}
		}
		if (registryTasks && registry) {
			/**
			* Calling registry.register() has shown to have
			* really bad performance. So we add the cached documents
			* lazily.
			*/
			var tasks = registryTasks;
			docCache.tasks.add(() => {
				for (var _index = 0; _index < tasks.length; _index++) {
					var task = tasks[_index];
					registry.register(task.doc, {
						docId: task.doc.primary,
						rev: task.rev,
						lwt: task.lwt
					});
				}
			});
			if (docCache.tasks.size <= 1) requestIdlePromiseNoQueue().then(() => {
				docCache.processTasks();
			});
		}
		return ret;
	};
	return fn;
}
function mapDocumentsDataToCacheDocs(docCache, docsData) {
	var getCachedRxDocuments = docCache.getCachedRxDocuments;
	return getCachedRxDocuments(docsData);
}
var createWeakRefWithFallback = typeof WeakRef === "function" ? createWeakRef : createWeakRefFallback;
function createWeakRef(obj) {
	return new WeakRef(obj);
}
function createWeakRefFallback(obj) {
	return { deref() {
		return obj;
	} };
}
// node_modules/rxdb/dist/esm/rx-query-single-result.js
/**
* Counter to create unique result IDs cheaply.
* Used instead of now() to avoid expensive timestamp computation
* when we only need uniqueness for change detection.
*/
var _resultIdCounter = 0;
/**
* RxDB needs the query results in multiple formats.
* Sometimes as a Map or an array with only the documentData.
* For better performance we work with this class
* that initializes stuff lazily so that
* we can directly work with the query results after RxQuery.exec()
*/
var RxQuerySingleResult = class {
	/**
	* Unique identifier for this result state.
	* Used to determine if the result set has changed since X
	* so that we do not emit the same result multiple times on subscription.
	*/
	time = ++_resultIdCounter;
	documents;
	constructor(query, docsDataFromStorageInstance, count) {
		this.query = query;
		this.count = count;
		/**
		* @performance Skip document mapping for count queries
		* since they only need the count number and pass an empty array.
		*/
		if (query.op === "count") this.documents = [];
		else this.documents = mapDocumentsDataToCacheDocs(this.query.collection._docCache, docsDataFromStorageInstance);
	}
	/**
	* Instead of using the newResultData in the result cache,
	* we directly use the objects that are stored in the RxDocument
	* to ensure we do not store the same data twice and fill up the memory.
	* @overwrites itself with the actual value
	*/
	get docsData() {
		return overwriteGetterForCaching(this, "docsData", this.documents.map((d) => d._data));
	}
	get docsDataMap() {
		var map = /* @__PURE__ */ new Map();
		this.documents.forEach((d) => {
			map.set(d.primary, d._data);
		});
		return overwriteGetterForCaching(this, "docsDataMap", map);
	}
	get docsMap() {
		var map = /* @__PURE__ */ new Map();
		var documents = this.documents;
		for (var i = 0; i < documents.length; i++) {
			var doc = documents[i];
			map.set(doc.primary, doc);
		}
		return overwriteGetterForCaching(this, "docsMap", map);
	}
	getValue(throwIfMissing) {
		var op = this.query.op;
		if (op === "count") return this.count;
		else if (op === "findOne") {
			var doc = this.documents.length === 0 ? null : this.documents[0];
			if (!doc && throwIfMissing) throw newRxError("QU10", {
				collection: this.query.collection.name,
				query: this.query.mangoQuery,
				op
			});
			else return doc;
		} else if (op === "findByIds") return this.docsMap;
		else return this.documents.slice(0);
	}
};
// node_modules/rxdb/dist/esm/rx-query.js
var _queryCount = 0;
var newQueryID = function() {
	return ++_queryCount;
};
/**
* Counter for _lastEnsureEqual.
* We only need ordering and zero-check for cache replacement,
* so a counter is cheaper than Date.now().
*/
var _ensureEqualCount = 0;
var RxQueryBase = class {
	id = newQueryID();
	/**
	* Some stats then are used for debugging and cache replacement policies
	*/
	_execOverDatabaseCount = 0;
	/**
	* @performance
	* Use Date.now() instead of now() for creation time.
	* The monotonic uniqueness guarantee of now() is not needed here
	* since _creationTime is only used by the cache replacement policy
	* for rough lifetime comparisons.
	*/
	_creationTime = Date.now();
	_lastEnsureEqual = 0;
	uncached = false;
	_refCount$ = null;
	get refCount$() {
		if (!this._refCount$) this._refCount$ = new BehaviorSubject(null);
		return this._refCount$;
	}
	isFindOneByIdQuery;
	/**
	* Contains the current result state
	* or null if query has not run yet.
	*/
	_result = null;
	constructor(op, mangoQuery, collection, other = {}) {
		this.op = op;
		this.mangoQuery = mangoQuery;
		this.collection = collection;
		this.other = other;
		if (!mangoQuery) this.mangoQuery = _getDefaultQuery();
		/**
		* @performance
		* isFindOneByIdQuery is only used by queryCollection()
		* which is not called for 'count' queries.
		* Skip the check for count queries to avoid unnecessary work.
		*/
		if (op === "count") this.isFindOneByIdQuery = false;
		else this.isFindOneByIdQuery = isFindOneByIdQuery(this.collection.schema.primaryPath, mangoQuery);
	}
	get $() {
		if (!this._$) {
			var changeEventBulks$ = this.collection.eventBulks$.pipe(
				/**
				* Performance shortcut.
				* Changes to local documents are not relevant for the query.
				*/
				filter((bulk) => !bulk.isLocal)
			);
			var liveQueryUpdateThrottleTime = getLiveQueryUpdateThrottleTime(this.collection);
			var results$ = (liveQueryUpdateThrottleTime > 0 ? merge$1(of(null), changeEventBulks$.pipe(auditTime(liveQueryUpdateThrottleTime))) : changeEventBulks$.pipe(
				/**
				* Start once to ensure the querying also starts
				* when there where no changes.
				*/
				startWith(null)
			)).pipe(
				/**
				* Ensure query results are up to date.
				* When enabled, liveQueryUpdateThrottleTime groups change-triggered
				* reruns before this point so downstream throttling is not too late.
				*/
				mergeMap(() => _ensureEqual(this)),
				map(() => this._result),
				shareReplay(RXJS_SHARE_REPLAY_DEFAULTS),
				distinctUntilChanged((prev, curr) => {
					if (prev && prev.time === ensureNotFalsy(curr).time) return true;
					else return false;
				}),
				filter((result) => !!result),
				/**
				* Map the result set to a single RxDocument or an array,
				* depending on query type
				*/
				map((result) => {
					return ensureNotFalsy(result).getValue();
				})
			);
			this._$ = merge$1(
				results$,
				/**
				* Also add the refCount$ to the query observable
				* to allow us to count the amount of subscribers.
				*/
				this.refCount$.pipe(filter(() => false))
			);
		}
		return this._$;
	}
	get $$() {
		return this.collection.database.getReactivityFactory().fromObservable(this.$, void 0, this.collection.database);
	}
	_latestChangeEvent = -1;
	/**
	* ensures that the exec-runs
	* are not run in parallel
	*/
	_ensureEqualQueue = PROMISE_RESOLVE_FALSE;
	/**
	* Returns an observable that emits the results
	* This should behave like an rxjs-BehaviorSubject which means:
	* - Emit the current result-set on subscribe
	* - Emit the new result-set when an RxChangeEvent comes in
	* - Do not emit anything before the first result-set was created (no null)
	*/
	_$;
	/**
	* set the new result-data as result-docs of the query
	* @param newResultData json-docs that were received from the storage
	*/
	_setResultData(newResultData) {
		if (typeof newResultData === "undefined") throw newRxError("QU18", {
			database: this.collection.database.name,
			collection: this.collection.name
		});
		if (typeof newResultData === "number") {
			this._result = new RxQuerySingleResult(this, [], newResultData);
			return;
		} else if (newResultData instanceof Map) newResultData = Array.from(newResultData.values());
		var newQueryResult = new RxQuerySingleResult(this, newResultData, newResultData.length);
		this._result = newQueryResult;
	}
	/**
	* executes the query on the database
	* @return results-array with document-data
	*/
	async _execOverDatabase(rerunCount = 0) {
		this._execOverDatabaseCount = this._execOverDatabaseCount + 1;
		var result;
		/**
		* Snapshot the counter before running the query.
		* If a write commits during the query, the counter will be higher
		* when we check it below, and we need to signal re-evaluation.
		*/
		var counterBefore = this.collection._changeEventBuffer.getCounter();
		if (this.op === "findByIds") {
			var ids = ensureNotFalsy(this.mangoQuery.selector)[this.collection.schema.primaryPath].$in;
			var docsData = [];
			var mustBeQueried = [];
			for (var i = 0; i < ids.length; i++) {
				var id = ids[i];
				var docData = this.collection._docCache.getLatestDocumentDataIfExists(id);
				if (docData) {
					if (!docData._deleted) docsData.push(docData);
				} else mustBeQueried.push(id);
			}
			if (mustBeQueried.length > 0) {
				var docs = await this.collection.storageInstance.findDocumentsById(mustBeQueried, false);
				for (var _i = 0; _i < docs.length; _i++) docsData.push(docs[_i]);
			}
			result = {
				result: docsData,
				counter: this.collection._changeEventBuffer.getCounter()
			};
		} else if (this.op === "count") {
			var preparedQuery = this.getPreparedQuery();
			var countResult = await this.collection.storageInstance.count(preparedQuery);
			if (countResult.mode === "slow" && !this.collection.database.allowSlowCount) throw newRxError("QU14", {
				collection: this.collection,
				queryObj: this.mangoQuery
			});
			else result = {
				result: countResult.count,
				counter: this.collection._changeEventBuffer.getCounter()
			};
		} else {
			var queryResult = await queryCollection(this);
			result = {
				result: queryResult.docs,
				counter: queryResult.counter
			};
		}
		/**
		* If a write committed concurrently during our query, our result may be
		* stale: the write's change event was already buffered so getCounter()
		* inside queryCollection() advanced _latestChangeEvent past the event,
		* which would cause subsequent _ensureEqual() calls to see
		* _isResultsInSync()=true and skip re-evaluation entirely.
		*
		* Re-run the query when a write commits concurrently. We still yield
		* with a fixed wait so non-async storages do not monopolize the event
		* loop, but we avoid the old growing backoff that could delay
		* convergence more and more under write pressure.
		*
		* @link https://github.com/pubkey/rxdb/issues/7067
		*/
		if (this.collection._changeEventBuffer.getCounter() !== counterBefore) {
			await promiseWait(20);
			return this._execOverDatabase(rerunCount + 1);
		}
		return result;
	}
	/**
	* Execute the query
	* To have an easier implementations,
	* just subscribe and use the first result
	*/
	async exec(throwIfMissing) {
		if (throwIfMissing && this.op !== "findOne") throw newRxError("QU9", {
			collection: this.collection.name,
			query: this.mangoQuery,
			op: this.op
		});
		/**
		* run _ensureEqual() here,
		* this will make sure that errors in the query which throw inside of the RxStorage,
		* will be thrown at this execution context and not in the background.
		*/
		await _ensureEqual(this);
		return ensureNotFalsy(this._result).getValue(throwIfMissing);
	}
	/**
	* Returns the normalized query.
	* Caches the result so that multiple calls to
	* queryMatcher, toString() and getPreparedQuery()
	* do not have to run the normalization again.
	* @overwrites itself with the actual value.
	*/
	get normalizedQuery() {
		return overwriteGetterForCaching(this, "normalizedQuery", normalizeMangoQuery(this.collection.schema.jsonSchema, this.mangoQuery, this.op === "count"));
	}
	/**
	* cached call to get the queryMatcher
	* @overwrites itself with the actual value
	*/
	get queryMatcher() {
		var schema = this.collection.schema.jsonSchema;
		return overwriteGetterForCaching(this, "queryMatcher", getQueryMatcher(schema, this.normalizedQuery));
	}
	/**
	* returns a string that is used for equal-comparisons
	* @overwrites itself with the actual value
	*/
	toString() {
		/**
		* For findByIds queries, build the cache key directly from the IDs
		* to avoid the expensive normalizeMangoQuery + sortObject + JSON.stringify.
		* The selector structure is guaranteed by findByIds() which always creates
		* { [primaryPath]: { $in: ids } }
		*
		* @performance The ids are not sorted because sorting
		* is expensive for many ids. Also the order of the ids
		* defines the iteration order of the result Map, so queries
		* with a different id order must not share the same cache key.
		*/
		var value;
		if (this.op === "findByIds") {
			var ids = this.mangoQuery.selector[this.collection.schema.primaryPath].$in;
			value = "|findByIds|" + JSON.stringify(ids);
		} else {
			var stringObj = sortObject({
				op: this.op,
				query: this.normalizedQuery,
				other: this.other
			}, true);
			value = JSON.stringify(stringObj);
		}
		this.toString = () => value;
		return value;
	}
	/**
	* returns the prepared query
	* which can be sent to the storage instance to query for documents.
	* @overwrites itself with the actual value.
	*/
	getPreparedQuery() {
		var hookInput = {
			rxQuery: this,
			mangoQuery: clone$1(this.normalizedQuery)
		};
		hookInput.mangoQuery.selector._deleted = { $eq: false };
		if (hookInput.mangoQuery.index) hookInput.mangoQuery.index.unshift("_deleted");
		runPluginHooks("prePrepareQuery", hookInput);
		var value = prepareQuery(this.collection.schema.jsonSchema, hookInput.mangoQuery);
		this.getPreparedQuery = () => value;
		return value;
	}
	/**
	* returns true if the document matches the query,
	* does not use the 'skip' and 'limit'
	*/
	doesDocumentDataMatch(docData) {
		if (docData._deleted) return false;
		return this.queryMatcher(docData);
	}
	/**
	* deletes all found documents
	* @return promise with deleted documents
	*/
	async remove(throwIfMissing) {
		if (throwIfMissing && this.op !== "findOne") throw newRxError("QU9", {
			collection: this.collection.name,
			query: this.mangoQuery,
			op: this.op
		});
		var docs = await this.exec();
		if (Array.isArray(docs)) {
			var result = await this.collection.bulkRemove(docs);
			if (result.error.length > 0) throw rxStorageWriteErrorToRxError(result.error[0]);
			else return result.success;
		} else if (docs instanceof Map) {
			var docsArray = [...docs.values()];
			var _result = await this.collection.bulkRemove(docsArray);
			if (_result.error.length > 0) throw rxStorageWriteErrorToRxError(_result.error[0]);
			var resultMap = /* @__PURE__ */ new Map();
			_result.success.forEach((doc) => resultMap.set(doc.primary, doc));
			return resultMap;
		} else {
			if (!docs) {
				if (throwIfMissing) throw newRxError("QU10", {
					collection: this.collection.name,
					query: this.mangoQuery,
					op: this.op
				});
				return null;
			}
			return docs.remove();
		}
	}
	incrementalRemove() {
		return runQueryUpdateFunction(this.asRxQuery, (doc) => doc.incrementalRemove());
	}
	/**
	* helper function to transform RxQueryBase to RxQuery type
	*/
	get asRxQuery() {
		return this;
	}
	/**
	* updates all found documents
	* @overwritten by plugin (optional)
	*/
	update(_updateObj) {
		throw pluginMissing("update");
	}
	patch(patch) {
		return runQueryUpdateFunction(this.asRxQuery, (doc) => doc.patch(patch));
	}
	incrementalPatch(patch) {
		return runQueryUpdateFunction(this.asRxQuery, (doc) => doc.incrementalPatch(patch));
	}
	modify(mutationFunction) {
		return runQueryUpdateFunction(this.asRxQuery, (doc) => doc.modify(mutationFunction));
	}
	incrementalModify(mutationFunction) {
		return runQueryUpdateFunction(this.asRxQuery, (doc) => doc.incrementalModify(mutationFunction));
	}
	where(_queryObj) {
		throw pluginMissing("query-builder");
	}
	sort(_params) {
		throw pluginMissing("query-builder");
	}
	skip(_amount) {
		throw pluginMissing("query-builder");
	}
	limit(_amount) {
		throw pluginMissing("query-builder");
	}
};
function _getDefaultQuery() {
	return { selector: {} };
}
function getLiveQueryUpdateThrottleTime(collection) {
	if (typeof collection.liveQueryUpdateThrottleTime === "number") return collection.liveQueryUpdateThrottleTime;
	return collection.database.liveQueryUpdateThrottleTime;
}
/**
* run this query through the QueryCache
*/
function tunnelQueryCache(rxQuery) {
	return rxQuery.collection._queryCache.getByQuery(rxQuery);
}
function createRxQuery(op, queryObj, collection, other) {
	runPluginHooks("preCreateRxQuery", {
		op,
		queryObj,
		collection,
		other
	});
	var ret = new RxQueryBase(op, queryObj, collection, other);
	ret = tunnelQueryCache(ret);
	triggerCacheReplacement(collection);
	return ret;
}
/**
* Check if the current results-state is in sync with the database
* which means that no write event happened since the last run.
* @return false if not which means it should re-execute
*/
function _isResultsInSync(rxQuery) {
	var currentLatestEventNumber = rxQuery.asRxQuery.collection._changeEventBuffer.getCounter();
	if (rxQuery._latestChangeEvent >= currentLatestEventNumber) return true;
	else return false;
}
/**
* wraps __ensureEqual()
* to ensure it does not run in parallel
* @return true if has changed, false if not
*
* @performance
* Avoid async wrapper when awaitBeforeReads is empty (common case).
* This eliminates one unnecessary Promise allocation per query execution.
*/
function _ensureEqual(rxQuery) {
	if (rxQuery.collection.awaitBeforeReads.size > 0) return Promise.all(Array.from(rxQuery.collection.awaitBeforeReads).map((fn) => fn())).then(() => {
		rxQuery._ensureEqualQueue = rxQuery._ensureEqualQueue.then(() => __ensureEqual(rxQuery));
		return rxQuery._ensureEqualQueue;
	});
	rxQuery._ensureEqualQueue = rxQuery._ensureEqualQueue.then(() => __ensureEqual(rxQuery));
	return rxQuery._ensureEqualQueue;
}
/**
* ensures that the results of this query is equal to the results which a query over the database would give
* @return true if results have changed
*/
function __ensureEqual(rxQuery) {
	/**
	* @performance
	* Use a counter instead of Date.now() since _lastEnsureEqual
	* is only used by the cache replacement policy for sorting queries
	* by last usage and zero-check, not for time-based comparison.
	*/
	rxQuery._lastEnsureEqual = ++_ensureEqualCount;
	/**
	* Optimisation shortcuts
	*/
	if (rxQuery.collection.database.closed || _isResultsInSync(rxQuery)) return PROMISE_RESOLVE_FALSE;
	var ret = false;
	var mustReExec = false;
	if (rxQuery._latestChangeEvent === -1) mustReExec = true;
	/**
	* try to use EventReduce to calculate the new results
	*/
	if (!mustReExec) {
		var missedChangeEvents = rxQuery.asRxQuery.collection._changeEventBuffer.getFrom(rxQuery._latestChangeEvent + 1);
		if (missedChangeEvents === null) mustReExec = true;
		else {
			rxQuery._latestChangeEvent = rxQuery.asRxQuery.collection._changeEventBuffer.getCounter();
			var runChangeEvents = rxQuery.asRxQuery.collection._changeEventBuffer.reduceByLastOfDoc(missedChangeEvents);
			if (rxQuery.op === "count") {
				var previousCount = ensureNotFalsy(rxQuery._result).count;
				var newCount = previousCount;
				runChangeEvents.forEach((cE) => {
					var didMatchBefore = cE.previousDocumentData && rxQuery.doesDocumentDataMatch(cE.previousDocumentData);
					var doesMatchNow = rxQuery.doesDocumentDataMatch(cE.documentData);
					if (!didMatchBefore && doesMatchNow) newCount++;
					if (didMatchBefore && !doesMatchNow) newCount--;
				});
				if (newCount !== previousCount) {
					ret = true;
					rxQuery._setResultData(newCount);
				}
			} else {
				var eventReduceResult = calculateNewResults(rxQuery, runChangeEvents);
				if (eventReduceResult.runFullQueryAgain) mustReExec = true;
				else {
					var positiveResult = eventReduceResult;
					if (positiveResult.changed) {
						ret = true;
						rxQuery._setResultData(positiveResult.newResults);
					}
				}
			}
		}
	}
	if (mustReExec) return rxQuery._execOverDatabase().then((result) => {
		var newResultData = result.result;
		/**
		* The RxStorage is defined to always first emit events and then return
		* on bulkWrite() calls. So here we have to use the counter AFTER the execOverDatabase()
		* has been run, not the one from before.
		*/
		rxQuery._latestChangeEvent = result.counter;
		if (typeof newResultData === "number") {
			if (!rxQuery._result || newResultData !== rxQuery._result.count) {
				ret = true;
				rxQuery._setResultData(newResultData);
			}
			return ret;
		}
		if (!rxQuery._result || !areRxDocumentArraysEqual(rxQuery.collection.schema.primaryPath, newResultData, rxQuery._result.docsData)) {
			ret = true;
			rxQuery._setResultData(newResultData);
		}
		return ret;
	});
	return Promise.resolve(ret);
}
/**
* Runs the query over the storage instance
* of the collection.
* Does some optimizations to ensure findById is used
* when specific queries are used.
*/
async function queryCollection(rxQuery) {
	var docs = [];
	var collection = rxQuery.collection;
	/**
	* Optimizations shortcut.
	* If query is find-one-document-by-id,
	* then we do not have to use the slow query() method
	* but instead can use findDocumentsById()
	*/
	if (rxQuery.isFindOneByIdQuery) {
		var selector = rxQuery.mangoQuery.selector;
		var primaryPath = collection.schema.primaryPath;
		var primarySelectorValue = selector ? selector[primaryPath] : void 0;
		var hasExtraOperators = typeof primarySelectorValue === "object" && primarySelectorValue !== null && Object.keys(primarySelectorValue).length > 1;
		var hasOtherSelectors = selector ? Object.keys(selector).length > 1 : false;
		var docIdArray = Array.isArray(rxQuery.isFindOneByIdQuery) ? rxQuery.isFindOneByIdQuery : [rxQuery.isFindOneByIdQuery];
		var docIds = Array.from(new Set(docIdArray));
		var cacheMisses = [];
		docIds.forEach((docId) => {
			var docData = rxQuery.collection._docCache.getLatestDocumentDataIfExists(docId);
			if (docData && !docData._deleted) docs.push(docData);
			else if (!docData) cacheMisses.push(docId);
		});
		if (cacheMisses.length > 0) {
			var docsFromStorage = await collection.storageInstance.findDocumentsById(cacheMisses, false);
			docs = docs.concat(docsFromStorage);
		}
		if (hasExtraOperators || hasOtherSelectors) docs = docs.filter((doc) => rxQuery.queryMatcher(doc));
		/**
		* The findDocumentsById() fast-path also does not apply `skip`/`limit`/`sort`.
		* To keep behavior consistent with storageInstance.query(), we must
		* apply them after queryMatcher for both find() and findOne() queries.
		*/
		if (docs.length > 1) {
			var preparedQuery = rxQuery.getPreparedQuery();
			var sortComparator = getSortComparator(collection.schema.jsonSchema, preparedQuery.query);
			docs = docs.sort(sortComparator);
		}
		var skip = typeof rxQuery.mangoQuery.skip === "number" && rxQuery.mangoQuery.skip > 0 ? rxQuery.mangoQuery.skip : 0;
		if (skip > 0) docs = docs.slice(skip);
		if (typeof rxQuery.mangoQuery.limit === "number" && rxQuery.mangoQuery.limit > 0) {
			var limit = rxQuery.mangoQuery.limit;
			docs = docs.slice(0, limit);
		}
	} else {
		var _preparedQuery = rxQuery.getPreparedQuery();
		docs = (await collection.storageInstance.query(_preparedQuery)).documents;
	}
	return {
		docs,
		counter: collection._changeEventBuffer.getCounter()
	};
}
/**
* Returns true if the given query
* selects documents by primary key using $eq or $in.
* Used to optimize performance: these queries use get-by-id
* instead of a full index scan. Additional operators beyond
* $eq/$in are handled via the queryMatcher after fetching.
* Skip, limit, and sort are also applied after fetching.
* Returns false if no such optimization is possible.
* Returns the document id (string) or ids (string[]) otherwise.
*/
function isFindOneByIdQuery(primaryPath, query) {
	if (query.selector && Object.prototype.hasOwnProperty.call(query.selector, primaryPath)) {
		var value = query.selector[primaryPath];
		if (typeof value === "string") return value;
		else if (typeof value.$eq === "string") return value.$eq;
		if (Array.isArray(value.$in) && !value.$in.find((r) => typeof r !== "string")) return value.$in;
	}
	return false;
}
// node_modules/rxdb/dist/esm/change-event-buffer.js
/**
* a buffer-cache which holds the last X changeEvents of the collection
*/
/**
* This buffer rembemers previous change events
* so that queries can use them on .exec()
* to calculate the new result set via event-reduce instead
* of running the query against the storage.
*/
var ChangeEventBuffer = class {
	/**
	* These properties are private to ensure they cannot
	* be read without first processing the lazy tasks.
	*/
	subs = [];
	counter = 0;
	eventCounterMap = /* @__PURE__ */ new WeakMap();
	/**
	* array with changeEvents
	* starts with oldest known event, ends with newest
	*/
	buffer = [];
	limit = 100;
	tasks = /* @__PURE__ */ new Set();
	constructor(collection) {
		this.collection = collection;
		this.subs.push(this.collection.eventBulks$.pipe(filter((bulk) => !bulk.isLocal)).subscribe((eventBulk) => {
			this.tasks.add(() => this._handleChangeEvents(eventBulk.events));
			if (this.tasks.size <= 1) requestIdlePromiseNoQueue().then(() => {
				this.processTasks();
			});
		}));
	}
	processTasks() {
		if (this.tasks.size === 0) return;
		Array.from(this.tasks).forEach((task) => task());
		this.tasks.clear();
	}
	_handleChangeEvents(events) {
		var counterBefore = this.counter;
		this.counter = this.counter + events.length;
		if (events.length > this.limit) this.buffer = events.slice(events.length * -1);
		else {
			this.buffer = this.buffer.concat(events);
			this.buffer = this.buffer.slice(this.limit * -1);
		}
		var counterBase = counterBefore + 1;
		var eventCounterMap = this.eventCounterMap;
		for (var index = 0; index < events.length; index++) {
			var event = events[index];
			eventCounterMap.set(event, counterBase + index);
		}
	}
	getCounter() {
		this.processTasks();
		return this.counter;
	}
	getBuffer() {
		this.processTasks();
		return this.buffer;
	}
	/**
	* gets the array-index for the given pointer
	* @return arrayIndex which can be used to iterate from there. If null, pointer is out of lower bound
	*/
	getArrayIndexByPointer(pointer) {
		this.processTasks();
		var oldestEvent = this.buffer[0];
		var oldestCounter = this.eventCounterMap.get(oldestEvent);
		if (pointer < oldestCounter) return null;
		return pointer - oldestCounter;
	}
	/**
	* get all changeEvents which came in later than the pointer-event
	* @return array with change-events. If null, pointer out of bounds
	*/
	getFrom(pointer) {
		this.processTasks();
		var ret = [];
		var currentIndex = this.getArrayIndexByPointer(pointer);
		if (currentIndex === null) return null;
		while (true) {
			var nextEvent = this.buffer[currentIndex];
			currentIndex++;
			if (!nextEvent) return ret;
			else ret.push(nextEvent);
		}
	}
	runFrom(pointer, fn) {
		this.processTasks();
		var ret = this.getFrom(pointer);
		if (ret === null) throw newRxError("COB1");
		else ret.forEach((cE) => fn(cE));
	}
	/**
	* no matter how many operations are done on one document,
	* only the last operation has to be checked to calculate the new state
	* this function reduces the events to the last ChangeEvent of each doc.
	* This functionality is currently disabled. It is questionable if
	* pre-merging the events would really be faster or actually slower.
	*/
	reduceByLastOfDoc(changeEvents) {
		this.processTasks();
		return changeEvents.slice(0);
	}
	close() {
		this.tasks.clear();
		this.subs.forEach((sub) => sub.unsubscribe());
	}
};
function createChangeEventBuffer(collection) {
	return new ChangeEventBuffer(collection);
}
// node_modules/rxdb/dist/esm/rx-document-prototype-merge.js
/**
* For the ORM capabilities,
* we have to merge the document prototype
* with the ORM functions and the data
* We do this iterating over the properties and
* adding them to a new object.
* In the future we should do this by chaining the __proto__ objects
*/
var constructorForCollection = /* @__PURE__ */ new WeakMap();
function getDocumentPrototype(rxCollection) {
	var schemaProto = rxCollection.schema.getDocumentPrototype();
	var ormProto = getDocumentOrmPrototype(rxCollection);
	var baseProto = basePrototype;
	var proto = {};
	[
		schemaProto,
		ormProto,
		baseProto
	].forEach((obj) => {
		Object.getOwnPropertyNames(obj).forEach((key) => {
			/**
			* Skip properties already defined by a higher-priority prototype.
			* Schema properties are set first (highest priority),
			* then ORM methods, then base prototype (lowest priority).
			* Without this check, redefining a non-configurable property
			* would throw a TypeError.
			*/
			if (Object.getOwnPropertyDescriptor(proto, key)) return;
			var desc = Object.getOwnPropertyDescriptor(obj, key);
			/**
			* When enumerable is true, it will show on console dir(instance)
			* To not pollute the output, only getters and methods are enumerable
			*/
			var enumerable = true;
			if (key.startsWith("_") || key.endsWith("_") || key.startsWith("$") || key.endsWith("$")) enumerable = false;
			if (typeof desc.value === "function") Object.defineProperty(proto, key, {
				get() {
					return desc.value.bind(this);
				},
				enumerable,
				configurable: false
			});
			else {
				desc.enumerable = enumerable;
				desc.configurable = false;
				if (desc.writable) desc.writable = false;
				Object.defineProperty(proto, key, desc);
			}
		});
	});
	return proto;
}
function getRxDocumentConstructor(rxCollection) {
	return getFromMapOrCreate(constructorForCollection, rxCollection, () => createRxDocumentConstructor(getDocumentPrototype(rxCollection)));
}
/**
* Create a RxDocument-instance from the jsonData
* and the prototype merge.
* You should never call this method directly,
* instead you should get the document from collection._docCache.getCachedRxDocument().
*/
function createNewRxDocument(rxCollection, documentConstructor, docData) {
	var doc = createWithConstructor(documentConstructor, rxCollection, overwritable.deepFreezeWhenDevMode(docData));
	rxCollection._runHooksSync("post", "create", docData, doc);
	runPluginHooks("postCreateRxDocument", doc);
	return doc;
}
/**
* returns the prototype-object
* that contains the orm-methods,
* used in the proto-merge
*/
function getDocumentOrmPrototype(rxCollection) {
	var proto = {};
	Object.entries(rxCollection.methods).forEach(([k, v]) => {
		proto[k] = v;
	});
	return proto;
}
// node_modules/rxdb/dist/esm/replication-protocol/default-conflict-handler.js
var defaultConflictHandler = {
	isEqual(a, b, _ctx) {
		a = addAttachmentsIfNotExists(a);
		b = addAttachmentsIfNotExists(b);
		return deepEqual(stripAttachmentsDataFromDocument(a), stripAttachmentsDataFromDocument(b));
	},
	resolve(i) {
		/**
		* The default conflict handler will always
		* drop the fork state and use the master state instead.
		*/
		return i.realMasterState;
	}
};
function addAttachmentsIfNotExists(d) {
	if (!d._attachments) {
		d = flatClone(d);
		d._attachments = {};
	}
	return d;
}
// node_modules/rxdb/dist/esm/rx-collection.js
var HOOKS_WHEN = ["pre", "post"];
var HOOKS_KEYS = [
	"insert",
	"save",
	"remove",
	"create"
];
var hooksApplied = false;
var OPEN_COLLECTIONS = /* @__PURE__ */ new Set();
var RxCollectionBase = class {
	/**
	* Stores all 'normal' documents
	*/
	storageInstance = {};
	timeouts = /* @__PURE__ */ new Set();
	incrementalWriteQueue = {};
	/**
	* Before reads, all these methods are awaited. Used to "block" reads
	* depending on other processes, like when the RxPipeline is running.
	*/
	awaitBeforeReads = /* @__PURE__ */ new Set();
	constructor(database, name, schema, internalStorageInstance, instanceCreationOptions = {}, migrationStrategies = {}, methods = {}, attachments = {}, options = {}, cacheReplacementPolicy = defaultCacheReplacementPolicy, statics = {}, conflictHandler = defaultConflictHandler, liveQueryUpdateThrottleTime = void 0) {
		this.database = database;
		this.name = name;
		this.schema = schema;
		this.internalStorageInstance = internalStorageInstance;
		this.instanceCreationOptions = instanceCreationOptions;
		this.migrationStrategies = migrationStrategies;
		this.methods = methods;
		this.attachments = attachments;
		this.options = options;
		this.cacheReplacementPolicy = cacheReplacementPolicy;
		this.statics = statics;
		this.conflictHandler = conflictHandler;
		this.liveQueryUpdateThrottleTime = liveQueryUpdateThrottleTime;
		_applyHookFunctions(this.asRxCollection);
		if (database) this.eventBulks$ = database.eventBulks$.pipe(filter((changeEventBulk) => changeEventBulk.collectionName === this.name));
	}
	get insert$() {
		return this.$.pipe(filter((cE) => cE.operation === "INSERT"));
	}
	get update$() {
		return this.$.pipe(filter((cE) => cE.operation === "UPDATE"));
	}
	get remove$() {
		return this.$.pipe(filter((cE) => cE.operation === "DELETE"));
	}
	_incrementalUpsertQueues = /* @__PURE__ */ new Map();
	synced = false;
	hooks = {};
	_subs = [];
	_docCache = {};
	_queryCache = createQueryCache();
	$ = {};
	checkpoint$ = {};
	_changeEventBuffer = {};
	/**
	* Internally only use eventBulks$
	* Do not use .$ or .observable$ because that has to transform
	* the events which decreases performance.
	*/
	eventBulks$ = {};
	/**
	* When the collection is closed,
	* these functions will be called an awaited.
	* Used to automatically clean up stuff that
	* belongs to this collection.
	*/
	onClose = [];
	closed = false;
	/**
	* Set to true while a schema migration is running for this collection.
	* Writes are blocked while this is true to ensure the migration
	* replication can fill the new storage without external interference.
	*/
	migrationInProgress = false;
	onRemove = [];
	async prepare() {
		if (!await hasPremiumFlag()) {
			/**
			* When used in a test suite, we often open and close many databases with collections
			* while not awaiting the database.close() call to improve the test times.
			* So when reopening collections and the OPEN_COLLECTIONS size is full,
			* we retry after some times to account for this.
			* Use a higher retry count to account for slow storage backends like MongoDB
			* where tests hold collections open for several seconds.
			*/
			var count = 0;
			var startTime = Date.now();
			while (count < 60 && OPEN_COLLECTIONS.size >= 13) {
				await this.promiseWait(30);
				count++;
			}
			if (OPEN_COLLECTIONS.size > 13) {
				var timeInRetry = Date.now() - startTime;
				throw newRxError("COL23", {
					database: this.database.name,
					collection: this.name,
					args: {
						timeInRetry,
						existing: Array.from(OPEN_COLLECTIONS.values()).map((c) => ({
							db: c.database ? c.database.name : "",
							c: c.name
						}))
					}
				});
			}
		}
		/**
		* Must be after the check because the hooks might throw on dev-mode
		* checks and we do not want to have broken collections here.
		* RxCollection instances created for testings do not have a database
		* so we do not add these to the list.
		*/
		if (this.database) OPEN_COLLECTIONS.add(this);
		this.storageInstance = getWrappedStorageInstance(this.database, this.internalStorageInstance, this.schema.jsonSchema);
		this.incrementalWriteQueue = new IncrementalWriteQueue(this.storageInstance, this.schema.primaryPath, (newData, oldData) => beforeDocumentUpdateWrite(this, newData, oldData), (result) => this._runHooks("post", "save", result, this._docCache.getCachedRxDocument(result)));
		this.$ = this.eventBulks$.pipe(mergeMap((changeEventBulk) => rxChangeEventBulkToRxChangeEvents(changeEventBulk)));
		this.checkpoint$ = this.eventBulks$.pipe(map((changeEventBulk) => changeEventBulk.checkpoint));
		this._changeEventBuffer = createChangeEventBuffer(this.asRxCollection);
		var documentConstructor;
		this._docCache = new DocumentCache(this.schema.primaryPath, this.eventBulks$.pipe(filter((bulk) => !bulk.isLocal), map((bulk) => bulk.events)), (docData) => {
			if (!documentConstructor) documentConstructor = getRxDocumentConstructor(this.asRxCollection);
			return createNewRxDocument(this.asRxCollection, documentConstructor, docData);
		});
		var listenToRemoveSub = this.database.internalStore.changeStream().pipe(filter((bulk) => {
			var key = this.name + "-" + this.schema.version;
			return !!bulk.events.find((event) => {
				return event.documentData.context === "collection" && event.documentData.key === key && event.operation === "DELETE";
			});
		})).subscribe(async () => {
			await this.close();
			await Promise.all(this.onRemove.map((fn) => fn()));
		});
		this._subs.push(listenToRemoveSub);
		var databaseStorageToken = await this.database.storageToken;
		var subDocs = this.storageInstance.changeStream().subscribe((eventBulk) => {
			var changeEventBulk = {
				id: eventBulk.id,
				isLocal: false,
				internal: false,
				collectionName: this.name,
				storageToken: databaseStorageToken,
				events: eventBulk.events,
				databaseToken: this.database.token,
				checkpoint: eventBulk.checkpoint,
				context: eventBulk.context
			};
			this.database.$emit(changeEventBulk);
		});
		this._subs.push(subDocs);
		return PROMISE_RESOLVE_VOID;
	}
	/**
	* Manually call the cleanup function of the storage.
	* @link https://rxdb.info/cleanup.html
	*/
	cleanup(_minimumDeletedTime) {
		ensureRxCollectionIsNotClosed(this);
		throw pluginMissing("cleanup");
	}
	migrationNeeded() {
		throw pluginMissing("migration-schema");
	}
	getMigrationState() {
		throw pluginMissing("migration-schema");
	}
	startMigration(batchSize = 10) {
		ensureRxCollectionIsNotClosed(this);
		return this.getMigrationState().startMigration(batchSize);
	}
	migratePromise(batchSize = 10) {
		return this.getMigrationState().migratePromise(batchSize);
	}
	async insert(json) {
		isWriteAllowed(this);
		var writeResult = await this.bulkInsert([json]);
		var isError = writeResult.error[0];
		throwIfIsStorageWriteError(this, json[this.schema.primaryPath], json, isError);
		return ensureNotFalsy(writeResult.success[0]);
	}
	async insertIfNotExists(json) {
		var writeResult = await this.bulkInsert([json]);
		if (writeResult.error.length > 0) {
			var error = writeResult.error[0];
			if (error.status === 409) {
				var conflictDocData = error.documentInDb;
				return mapDocumentsDataToCacheDocs(this._docCache, [conflictDocData])[0];
			} else throw error;
		}
		return writeResult.success[0];
	}
	async bulkInsert(docsData) {
		var _this = this;
		isWriteAllowed(this);
		/**
		* Optimization shortcut,
		* do nothing when called with an empty array
		*/
		if (docsData.length === 0) return {
			success: [],
			error: []
		};
		var primaryPath = this.schema.primaryPath;
		var ids = /* @__PURE__ */ new Set();
		/**
		* This code is a bit redundant for better performance.
		* Instead of iterating multiple times,
		* we directly transform the input to a write-row array.
		*/
		var insertRows;
		if (this.hasHooks("pre", "insert")) insertRows = await Promise.all(docsData.map((docData) => {
			var useDocData = fillObjectDataBeforeInsert(this.schema, docData, true);
			return this._runHooks("pre", "insert", useDocData).then(() => {
				if (typeof this.schema.jsonSchema.primaryKey !== "string") fillPrimaryKey(this.schema.primaryPath, this.schema.jsonSchema, useDocData);
				ids.add(useDocData[primaryPath]);
				return { document: useDocData };
			});
		}));
		else {
			insertRows = new Array(docsData.length);
			var _schema = this.schema;
			for (var index = 0; index < docsData.length; index++) {
				var docData = docsData[index];
				var useDocData = fillObjectDataBeforeInsert(_schema, docData);
				ids.add(useDocData[primaryPath]);
				insertRows[index] = { document: useDocData };
			}
		}
		if (ids.size !== docsData.length) {
			var duplicateIdSet = /* @__PURE__ */ new Set();
			var seenIds = /* @__PURE__ */ new Set();
			for (var row of insertRows) {
				var id = row.document[primaryPath];
				if (seenIds.has(id)) duplicateIdSet.add(id);
				else seenIds.add(id);
			}
			throw newRxError("COL22", {
				collection: this.name,
				duplicateIds: Array.from(duplicateIdSet),
				args: { documents: docsData }
			});
		}
		if (this.schema.jsonSchema.attachments) {
			var normalizePromises = [];
			var _loop = async function() {
				var doc = _row.document;
				var atts = doc._attachments;
				if (atts == null || Object.keys(atts).length === 0) doc._attachments = {};
				else normalizePromises.push(normalizeInlineAttachments(_this.database.hashFunction, atts).then((normalized) => {
					doc._attachments = normalized;
				}));
			};
			for (var _row of insertRows) await _loop();
			if (normalizePromises.length > 0) await Promise.all(normalizePromises);
		}
		var results = await this.storageInstance.bulkWrite(insertRows, RX_COLLECTION_BULK_INSERT_CONTEXT);
		/**
		* Often the user does not need to access the RxDocuments of the bulkInsert() call.
		* So we transform the data to RxDocuments only if needed to use less CPU performance.
		*/
		var rxDocuments;
		var collection = this;
		var ret = {
			get success() {
				if (!rxDocuments) {
					var success = getWrittenDocumentsFromBulkWriteResponse(collection.schema.primaryPath, insertRows, results);
					rxDocuments = mapDocumentsDataToCacheDocs(collection._docCache, success);
				}
				return rxDocuments;
			},
			error: results.error
		};
		if (this.hasHooks("post", "insert")) {
			var docsMap = /* @__PURE__ */ new Map();
			insertRows.forEach((row) => {
				var doc = row.document;
				docsMap.set(doc[primaryPath], doc);
			});
			await Promise.all(ret.success.map((doc) => {
				return this._runHooks("post", "insert", docsMap.get(doc.primary), doc);
			}));
		}
		return ret;
	}
	async bulkRemove(idsOrDocs) {
		isWriteAllowed(this);
		var primaryPath = this.schema.primaryPath;
		/**
		* Optimization shortcut,
		* do nothing when called with an empty array
		*/
		if (idsOrDocs.length === 0) return {
			success: [],
			error: []
		};
		var rxDocumentMap;
		if (typeof idsOrDocs[0] === "string") rxDocumentMap = await this.findByIds(idsOrDocs).exec();
		else {
			rxDocumentMap = /* @__PURE__ */ new Map();
			idsOrDocs.forEach((d) => rxDocumentMap.set(d.primary, d));
		}
		var docsData = [];
		var docsMap = /* @__PURE__ */ new Map();
		Array.from(rxDocumentMap.values()).forEach((rxDocument) => {
			var data = rxDocument.toMutableJSON(true);
			docsData.push(data);
			docsMap.set(rxDocument.primary, data);
		});
		await Promise.all(docsData.map((doc) => {
			var primary = doc[this.schema.primaryPath];
			return this._runHooks("pre", "remove", doc, rxDocumentMap.get(primary));
		}));
		var removeDocs = docsData.map((doc) => {
			var writeDoc = flatClone(doc);
			writeDoc._deleted = true;
			return {
				previous: doc,
				document: writeDoc
			};
		});
		var results = await this.storageInstance.bulkWrite(removeDocs, "rx-collection-bulk-remove");
		var success = getWrittenDocumentsFromBulkWriteResponse(this.schema.primaryPath, removeDocs, results);
		var deletedRxDocuments = [];
		var successIds = success.map((d) => {
			var id = d[primaryPath];
			var doc = this._docCache.getCachedRxDocument(d);
			deletedRxDocuments.push(doc);
			return id;
		});
		await Promise.all(successIds.map((id) => {
			return this._runHooks("post", "remove", docsMap.get(id), rxDocumentMap.get(id));
		}));
		return {
			success: deletedRxDocuments,
			error: results.error
		};
	}
	/**
	* same as bulkInsert but overwrites existing document with same primary
	*/
	async bulkUpsert(docsData, options) {
		var _this2 = this;
		isWriteAllowed(this);
		var insertData = [];
		var useJsonByDocId = /* @__PURE__ */ new Map();
		var preparedDocs = [];
		for (var docData of docsData) {
			var useJson = fillObjectDataBeforeInsert(this.schema, docData);
			if (!useJson[this.schema.primaryPath]) throw newRxError("COL3", {
				primaryPath: this.schema.primaryPath,
				data: useJson,
				schema: this.schema.jsonSchema
			});
			preparedDocs.push(useJson);
		}
		if (this.schema.jsonSchema.attachments) {
			var normalizePromises = [];
			var _loop2 = async function(_useJson) {
				var atts = _useJson._attachments;
				if (atts == null || Object.keys(atts).length === 0) _useJson._attachments = {};
				else normalizePromises.push(normalizeInlineAttachments(_this2.database.hashFunction, atts).then((normalized) => {
					_useJson._attachments = normalized;
				}));
			};
			for (var _useJson of preparedDocs) await _loop2(_useJson);
			if (normalizePromises.length > 0) await Promise.all(normalizePromises);
		}
		for (var _useJson2 of preparedDocs) {
			var _primary = _useJson2[this.schema.primaryPath];
			useJsonByDocId.set(_primary, _useJson2);
			insertData.push(_useJson2);
		}
		var insertResult = await this.bulkInsert(insertData);
		var success = insertResult.success.slice(0);
		var error = [];
		await Promise.all(insertResult.error.map(async (err) => {
			if (err.status !== 409) error.push(err);
			else {
				var id = err.documentId;
				var writeData = getFromMapOrThrow(useJsonByDocId, id);
				var docDataInDb = ensureNotFalsy(err.documentInDb);
				var newAttachments = writeData._attachments;
				var deleteExisting = options?.deleteExistingAttachments === true;
				var newDoc = await this.incrementalWriteQueue.addWrite(docDataInDb, (docWriteData) => {
					return Object.assign({}, writeData, { _attachments: deleteExisting ? newAttachments : Object.assign({}, docWriteData._attachments, newAttachments) });
				}).then((writeResult) => this._docCache.getCachedRxDocument(writeResult));
				success.push(newDoc);
			}
		}));
		return {
			error,
			success
		};
	}
	/**
	* same as insert but overwrites existing document with same primary
	*/
	async upsert(json, options) {
		isWriteAllowed(this);
		var bulkResult = await this.bulkUpsert([json], options);
		throwIfIsStorageWriteError(this.asRxCollection, json[this.schema.primaryPath], json, bulkResult.error[0]);
		return bulkResult.success[0];
	}
	/**
	* upserts to a RxDocument, uses incrementalModify if document already exists
	*/
	incrementalUpsert(json, options) {
		isWriteAllowed(this);
		var useJson = fillObjectDataBeforeInsert(this.schema, json);
		var primary = useJson[this.schema.primaryPath];
		if (!primary) throw newRxError("COL4", { data: json });
		var hasAttachments = !!this.schema.jsonSchema.attachments;
		var deleteExisting = options?.deleteExistingAttachments === true;
		var queue = this._incrementalUpsertQueues.get(primary);
		if (!queue) queue = PROMISE_RESOLVE_VOID;
		queue = queue.then(() => {
			if (hasAttachments) {
				var atts = useJson._attachments;
				if (atts == null || Object.keys(atts).length === 0) return {};
				else return normalizeInlineAttachments(this.database.hashFunction, atts);
			}
			return useJson._attachments;
		}).then((normalizedAttachments) => {
			useJson._attachments = normalizedAttachments;
			return _incrementalUpsertEnsureRxDocumentExists(this, primary, useJson);
		}).then((wasInserted) => {
			if (!wasInserted.inserted) {
				var doc = wasInserted.doc;
				var newAttachments = useJson._attachments;
				return this.incrementalWriteQueue.addWrite(doc._data, (docWriteData) => {
					return Object.assign({}, useJson, { _attachments: deleteExisting ? newAttachments : Object.assign({}, docWriteData._attachments, newAttachments) });
				}).then((writeResult) => this._docCache.getCachedRxDocument(writeResult));
			} else return wasInserted.doc;
		});
		this._incrementalUpsertQueues.set(primary, queue);
		return queue;
	}
	find(queryObj) {
		ensureRxCollectionIsNotClosed(this);
		runPluginHooks("prePrepareRxQuery", {
			op: "find",
			queryObj,
			collection: this
		});
		if (!queryObj) queryObj = _getDefaultQuery();
		return createRxQuery("find", queryObj, this);
	}
	findOne(queryObj) {
		ensureRxCollectionIsNotClosed(this);
		runPluginHooks("prePrepareRxQuery", {
			op: "findOne",
			queryObj,
			collection: this
		});
		var query;
		if (typeof queryObj === "string") query = createRxQuery("findOne", {
			selector: { [this.schema.primaryPath]: queryObj },
			limit: 1
		}, this);
		else {
			if (!queryObj) queryObj = _getDefaultQuery();
			if (queryObj.limit) throw newRxError("QU6");
			queryObj = flatClone(queryObj);
			queryObj.limit = 1;
			query = createRxQuery("findOne", queryObj, this);
		}
		return query;
	}
	count(queryObj) {
		ensureRxCollectionIsNotClosed(this);
		if (!queryObj) queryObj = _getDefaultQuery();
		return createRxQuery("count", queryObj, this);
	}
	/**
	* find a list documents by their primary key
	* has way better performance then running multiple findOne() or a find() with a complex $or-selected
	*/
	findByIds(ids) {
		ensureRxCollectionIsNotClosed(this);
		return createRxQuery("findByIds", { selector: { [this.schema.primaryPath]: { $in: ids.slice(0) } } }, this);
	}
	/**
	* Export collection to a JSON friendly format.
	*/
	exportJSON(_options) {
		throw pluginMissing("json-dump");
	}
	/**
	* Import the parsed JSON export into the collection.
	* @param _exportedJSON The previously exported data from the `<collection>.exportJSON()` method.
	*/
	importJSON(_exportedJSON) {
		throw pluginMissing("json-dump");
	}
	registerWebMCP(_options) {
		throw pluginMissing("webmcp");
	}
	insertCRDT(_updateObj) {
		throw pluginMissing("crdt");
	}
	addPipeline(_options) {
		throw pluginMissing("pipeline");
	}
	/**
	* HOOKS
	*/
	addHook(when, key, fun, parallel = false) {
		if (typeof fun !== "function") throw newRxTypeError("COL7", {
			key,
			when
		});
		if (!HOOKS_WHEN.includes(when)) throw newRxTypeError("COL8", {
			key,
			when
		});
		if (!HOOKS_KEYS.includes(key)) throw newRxError("COL9", { key });
		if (when === "post" && key === "create" && parallel === true) throw newRxError("COL10", {
			when,
			key,
			parallel
		});
		var boundFun = fun.bind(this);
		var runName = parallel ? "parallel" : "series";
		if (!this.hooks[key]) this.hooks[key] = {};
		if (!this.hooks[key][when]) this.hooks[key][when] = {
			series: [],
			parallel: []
		};
		this.hooks[key][when][runName].push(boundFun);
	}
	getHooks(when, key) {
		if (!this.hooks[key] || !this.hooks[key][when]) return {
			series: [],
			parallel: []
		};
		return this.hooks[key][when];
	}
	hasHooks(when, key) {
		/**
		* Performance shortcut
		* so that we not have to build the empty object.
		*/
		if (!this.hooks[key] || !this.hooks[key][when]) return false;
		var hooks = this.getHooks(when, key);
		if (!hooks) return false;
		return hooks.series.length > 0 || hooks.parallel.length > 0;
	}
	_runHooks(when, key, data, instance) {
		var hooks = this.getHooks(when, key);
		if (!hooks) return PROMISE_RESOLVE_VOID;
		return promiseSeries(hooks.series.map((hook) => () => hook(data, instance))).then(() => Promise.all(hooks.parallel.map((hook) => hook(data, instance))));
	}
	/**
	* does the same as ._runHooks() but with non-async-functions
	*/
	_runHooksSync(when, key, data, instance) {
		if (!this.hasHooks(when, key)) return;
		var hooks = this.getHooks(when, key);
		if (!hooks) return;
		hooks.series.forEach((hook) => hook(data, instance));
	}
	/**
	* Returns a promise that resolves after the given time.
	* Ensures that is properly cleans up when the collection is closed
	* so that no running timeouts prevent the exit of the JavaScript process.
	*/
	promiseWait(time) {
		return new Promise((res) => {
			var timeout = setTimeout(() => {
				this.timeouts.delete(timeout);
				res();
			}, time);
			this.timeouts.add(timeout);
		});
	}
	async close() {
		if (this.closed) return PROMISE_RESOLVE_FALSE;
		OPEN_COLLECTIONS.delete(this);
		await Promise.all(this.onClose.map((fn) => fn()));
		/**
		* Settings closed = true
		* must be the first thing to do,
		* so for example the replication can directly stop
		* instead of sending requests to a closed storage.
		*/
		this.closed = true;
		Array.from(this.timeouts).forEach((timeout) => clearTimeout(timeout));
		if (this._changeEventBuffer) this._changeEventBuffer.close();
		/**
		* First wait until the whole database is idle.
		* This ensures that the storage does not get closed
		* while some operation is running.
		* It is important that we do not intercept a running call
		* because it might lead to undefined behavior like when a doc is written
		* but the change is not added to the changes collection.
		*/
		return this.database.requestIdlePromise().then(() => this.storageInstance.close()).then(() => {
			/**
			* Unsubscribing must be done AFTER the storageInstance.close()
			* Because the conflict handling is part of the subscriptions and
			* otherwise there might be open conflicts to be resolved which
			* will then stuck and never resolve.
			*/
			this._subs.forEach((sub) => sub.unsubscribe());
			delete this.database.collections[this.name];
			this.database.collectionsSubject$.next({
				collection: this.asRxCollection,
				type: "CLOSED"
			});
			return runAsyncPluginHooks("postCloseRxCollection", this).then(() => true);
		});
	}
	/**
	* remove all data of the collection
	*/
	async remove() {
		await this.close();
		await Promise.all(this.onRemove.map((fn) => fn()));
		/**
		* TODO here we should pass the already existing
		* storage instances instead of creating new ones.
		*/
		await removeCollectionStorages(this.database.storage, this.database.internalStore, this.database.token, this.database.name, this.name, this.database.multiInstance, this.database.password, this.database.hashFunction);
	}
	get asRxCollection() {
		return this;
	}
};
/**
* adds the hook-functions to the collections prototype
* this runs only once
*/
function _applyHookFunctions(collection) {
	if (hooksApplied) return;
	hooksApplied = true;
	var colProto = Object.getPrototypeOf(collection);
	HOOKS_KEYS.forEach((key) => {
		HOOKS_WHEN.map((when) => {
			var fnName = when + ucfirst(key);
			colProto[fnName] = function(fun, parallel) {
				return this.addHook(when, key, fun, parallel);
			};
		});
	});
}
/**
* ensures that the given document exists
* @return promise that resolves with new doc and flag if inserted
*/
function _incrementalUpsertEnsureRxDocumentExists(rxCollection, primary, json) {
	/**
	* Optimisation shortcut,
	* first try to find the document in the doc-cache
	*/
	var docDataFromCache = rxCollection._docCache.getLatestDocumentDataIfExists(primary);
	if (docDataFromCache) return Promise.resolve({
		doc: rxCollection._docCache.getCachedRxDocuments([docDataFromCache])[0],
		inserted: false
	});
	return rxCollection.findOne(primary).exec().then((doc) => {
		if (!doc) return rxCollection.insert(json).then((newDoc) => ({
			doc: newDoc,
			inserted: true
		})).catch((err) => {
			/**
			* If the insert fails with a conflict error,
			* it means another concurrent operation already
			* inserted a document with the same primary key
			* between our findOne() and insert() calls.
			* Re-run the whole function which will now find the
			* existing document via cache or query.
			*/
			if (err.code === "CONFLICT") return _incrementalUpsertEnsureRxDocumentExists(rxCollection, primary, json);
			throw err;
		});
		else return {
			doc,
			inserted: false
		};
	});
}
/**
* creates and prepares a new collection
*/
async function createRxCollection({ database, name, schema, instanceCreationOptions = {}, migrationStrategies = {}, autoMigrate = true, statics = {}, methods = {}, attachments = {}, options = {}, localDocuments = false, cacheReplacementPolicy = defaultCacheReplacementPolicy, conflictHandler = defaultConflictHandler, storageInstance, liveQueryUpdateThrottleTime = void 0 }) {
	if (!storageInstance) {
		var storageInstanceCreationParams = {
			databaseInstanceToken: database.token,
			databaseName: database.name,
			collectionName: name,
			schema: schema.jsonSchema,
			options: instanceCreationOptions,
			multiInstance: database.multiInstance,
			password: database.password,
			devMode: overwritable.isDevMode()
		};
		runPluginHooks("preCreateRxStorageInstance", storageInstanceCreationParams);
		storageInstance = await createRxCollectionStorageInstance(database, storageInstanceCreationParams);
	}
	var collection = new RxCollectionBase(database, name, schema, storageInstance, instanceCreationOptions, migrationStrategies, methods, attachments, options, cacheReplacementPolicy, statics, conflictHandler, liveQueryUpdateThrottleTime);
	try {
		await collection.prepare();
		Object.entries(statics).forEach(([funName, fun]) => {
			Object.defineProperty(collection, funName, { get: () => fun.bind(collection) });
		});
		runPluginHooks("createRxCollection", {
			collection,
			creator: {
				name,
				schema,
				storageInstance,
				instanceCreationOptions,
				migrationStrategies,
				methods,
				attachments,
				options,
				cacheReplacementPolicy,
				localDocuments,
				statics
			}
		});
		/**
		* Migration must run after the hooks so that the
		* dev-mode can check up front if the
		* migration strategies are correctly set.
		*/
		if (autoMigrate && collection.schema.version !== 0) await collection.migratePromise();
	} catch (err) {
		/**
		* If the collection creation fails,
		* we yet have to close the storage instances.
		*/
		OPEN_COLLECTIONS.delete(collection);
		await storageInstance.close();
		throw err;
	}
	return collection;
}
// node_modules/custom-idle-queue/dist/es/index.js
/**
* Creates a new Idle-Queue
* @constructor
* @param {number} [parallels=1] amount of parrallel runs of the limited-ressource
*/
var IdleQueue = function IdleQueue() {
	var parallels = arguments.length > 0 && arguments[0] !== void 0 ? arguments[0] : 1;
	this._parallels = parallels || 1;
	/**
	* _queueCounter
	* each lock() increased this number
	* each unlock() decreases this number
	* If _qC==0, the state is in idle
	* @type {Number}
	*/
	this._qC = 0;
	/**
	* _idleCalls
	* contains all promises that where added via requestIdlePromise()
	* and not have been resolved
	* @type {Set<Promise>} _iC with oldest promise first
	*/
	this._iC = /* @__PURE__ */ new Set();
	/**
	* _lastHandleNumber
	* @type {Number}
	*/
	this._lHN = 0;
	/**
	* _handlePromiseMap
	* Contains the handleNumber on the left
	* And the assigned promise on the right.
	* This is stored so you can use cancelIdleCallback(handleNumber)
	* to stop executing the callback.
	* @type {Map<Number><Promise>}
	*/
	this._hPM = /* @__PURE__ */ new Map();
	this._pHM = /* @__PURE__ */ new Map();
};
IdleQueue.prototype = {
	isIdle: function isIdle() {
		return this._qC < this._parallels;
	},
	/**
	* creates a lock in the queue
	* and returns an unlock-function to remove the lock from the queue
	* @return {function} unlock function than must be called afterwards
	*/
	lock: function lock() {
		this._qC++;
	},
	unlock: function unlock() {
		this._qC--;
		_tryIdleCall(this);
	},
	/**
	* wraps a function with lock/unlock and runs it
	* @performance is really important here because
	* it is often used in hot paths.
	* @param  {function}  fun
	* @return {Promise<any> | any}
	*/
	wrapCall: function wrapCall(fun) {
		var _this = this;
		this._qC++;
		var result;
		try {
			result = fun();
		} catch (err) {
			this._qC--;
			_tryIdleCall(this);
			throw err;
		}
		if (result && typeof result.then === "function") return result.then(function(ret) {
			_this._qC--;
			_tryIdleCall(_this);
			return ret;
		}, function(err) {
			_this._qC--;
			_tryIdleCall(_this);
			throw err;
		});
		this._qC--;
		_tryIdleCall(this);
		return result;
	},
	/**
	* does the same as requestIdleCallback() but uses promises instead of the callback
	* @param {{timeout?: number}} options like timeout
	* @return {Promise<void>} promise that resolves when the database is in idle-mode
	*/
	requestIdlePromise: function requestIdlePromise(options) {
		var _this2 = this;
		options = options || {};
		var resolve;
		var prom = new Promise(function(res) {
			return resolve = res;
		});
		prom._manRes = function resolveFromOutside() {
			_removeIdlePromise(_this2, prom);
			resolve();
		};
		if (options.timeout) prom._timeoutObj = setTimeout(function() {
			prom._manRes();
		}, options.timeout);
		this._iC.add(prom);
		_tryIdleCall(this);
		return prom;
	},
	/**
	* remove the promise so it will never be resolved
	* @param  {Promise} promise from requestIdlePromise()
	* @return {void}
	*/
	cancelIdlePromise: function cancelIdlePromise(promise) {
		_removeIdlePromise(this, promise);
	},
	/**
	* api equal to
	* @link https://developer.mozilla.org/en-US/docs/Web/API/Window/requestIdleCallback
	* @param  {Function} callback
	* @param  {options}   options  [description]
	* @return {number} handle which can be used with cancelIdleCallback()
	*/
	requestIdleCallback: function requestIdleCallback(callback, options) {
		var handle = this._lHN++;
		var promise = this.requestIdlePromise(options);
		this._hPM.set(handle, promise);
		this._pHM.set(promise, handle);
		promise.then(function() {
			return callback();
		});
		return handle;
	},
	/**
	* API equal to
	* @link https://developer.mozilla.org/en-US/docs/Web/API/Window/cancelIdleCallback
	* @param  {number} handle returned from requestIdleCallback()
	* @return {void}
	*/
	cancelIdleCallback: function cancelIdleCallback(handle) {
		var promise = this._hPM.get(handle);
		this.cancelIdlePromise(promise);
	},
	/**
	* clears and resets everything
	* @return {void}
	*/
	clear: function clear() {
		var _this3 = this;
		this._iC.forEach(function(promise) {
			return _removeIdlePromise(_this3, promise);
		});
		this._qC = 0;
		this._iC.clear();
		this._hPM = /* @__PURE__ */ new Map();
		this._pHM = /* @__PURE__ */ new Map();
	}
};
/**
* processes the oldest call of the idleCalls-queue
* @return {Promise<void>}
*/
function _resolveOneIdleCall(idleQueue) {
	if (idleQueue._iC.size === 0) return;
	idleQueue._iC.values().next().value._manRes();
	setTimeout(function() {
		return _tryIdleCall(idleQueue);
	}, 0);
}
/**
* removes the promise from the queue and maps and also its corresponding handle-number
* @param  {Promise} promise from requestIdlePromise()
* @return {void}
*/
function _removeIdlePromise(idleQueue, promise) {
	if (!promise) return;
	if (promise._timeoutObj) clearTimeout(promise._timeoutObj);
	if (idleQueue._pHM.has(promise)) {
		var handle = idleQueue._pHM.get(promise);
		idleQueue._hPM["delete"](handle);
		idleQueue._pHM["delete"](promise);
	}
	idleQueue._iC["delete"](promise);
}
/**
* resolves the last entry of this._iC
* but only if the queue is empty
* @return {Promise}
*/
function _tryIdleCall(idleQueue) {
	if (idleQueue._tryIR || idleQueue._iC.size === 0) return;
	idleQueue._tryIR = true;
	setTimeout(function() {
		if (!idleQueue.isIdle()) {
			idleQueue._tryIR = false;
			return;
		}
		/**
		* wait 1 tick here
		* because many functions do IO->CPU->IO
		* which means the queue is empty for a short time
		* but the ressource is not idle
		*/
		setTimeout(function() {
			if (!idleQueue.isIdle()) {
				idleQueue._tryIR = false;
				return;
			}
			_resolveOneIdleCall(idleQueue);
			idleQueue._tryIR = false;
		}, 0);
	}, 0);
}
// node_modules/rxdb/dist/esm/rx-database.js
/**
* stores the used database names+storage names
* so we can throw when the same database is created more than once.
*/
var USED_DATABASE_NAMES = /* @__PURE__ */ new Set();
var DATABASE_UNCLOSED_INSTANCE_PROMISE_MAP = /* @__PURE__ */ new Map();
var DB_COUNT = 0;
var RxDatabaseBase = class {
	idleQueue = new IdleQueue();
	rxdbVersion = RXDB_VERSION;
	/**
	* Contains all known non-closed storage instances
	* that belong to this database.
	* Used in plugins and unit tests.
	*/
	storageInstances = /* @__PURE__ */ new Set();
	constructor(name, token, storage, instanceCreationOptions, password, multiInstance, eventReduce = false, options = {}, internalStore, hashFunction, cleanupPolicy, allowSlowCount, reactivity, onClosed, liveQueryUpdateThrottleTime = 0) {
		this.name = name;
		this.token = token;
		this.storage = storage;
		this.instanceCreationOptions = instanceCreationOptions;
		this.password = password;
		this.multiInstance = multiInstance;
		this.eventReduce = eventReduce;
		this.options = options;
		this.internalStore = internalStore;
		this.hashFunction = hashFunction;
		this.cleanupPolicy = cleanupPolicy;
		this.allowSlowCount = allowSlowCount;
		this.reactivity = reactivity;
		this.onClosed = onClosed;
		this.liveQueryUpdateThrottleTime = liveQueryUpdateThrottleTime;
		DB_COUNT++;
		/**
		* SECURITY: Make the password property non-enumerable
		* so it does not leak through Object.keys(), spreading,
		* Object.assign(), for..in loops, or JSON.stringify().
		*/
		if (typeof password !== "undefined") Object.defineProperty(this, "password", {
			value: password,
			enumerable: false,
			writable: false,
			configurable: false
		});
		/**
		* In the dev-mode, we create a pseudoInstance
		* to get all properties of RxDatabase and ensure they do not
		* conflict with the collection names etc.
		* So only if it is not pseudoInstance,
		* we have all values to prepare a real RxDatabase.
		*
		* TODO this is ugly, we should use a different way in the dev-mode
		* so that all non-dev-mode code can be cleaner.
		*/
		if (this.name !== "pseudoInstance") {
			/**
			* Wrap the internal store
			* to ensure that calls to it also end up in
			* calculation of the idle state and the hooks.
			*/
			this.internalStore = getWrappedStorageInstance(this.asRxDatabase, internalStore, INTERNAL_STORE_SCHEMA);
			/**
			* Start writing the storage token.
			* Do not await the creation because it would run
			* in a critical path that increases startup time.
			*
			* Writing the token takes about 20 milliseconds
			* even on a fast adapter, so this is worth it.
			*/
			this.storageTokenDocument = ensureStorageTokenDocumentExists(this.asRxDatabase).catch((err) => this.startupErrors.push(err));
			this.storageToken = this.storageTokenDocument.then((doc) => doc.data.token).catch((err) => this.startupErrors.push(err));
		}
	}
	get $() {
		return this.observable$;
	}
	/**
	* Emits events whenever a JavaScript instance
	* of RxCollection is added or removed on the RxDatabase instance.
	* Does not emit anything across browser-tabs!
	*/
	get collections$() {
		return this.collectionsSubject$.asObservable();
	}
	getReactivityFactory() {
		if (!this.reactivity) throw newRxError("DB14", { database: this.name });
		return this.reactivity;
	}
	_subs = [];
	/**
	* Because having unhandled exceptions would fail,
	* we have to store the async errors of the constructor here
	* so we can throw them later.
	*/
	startupErrors = [];
	/**
	* When the database is closed,
	* these functions will be called an awaited.
	* Used to automatically clean up stuff that
	* belongs to this collection.
	*/
	onClose = [];
	closed = false;
	collections = {};
	states = {};
	/**
	* Support for `using` / `await using` (ECMAScript explicit resource management).
	* This allows: `await using db = await createRxDatabase(...)`
	*/
	async [Symbol.asyncDispose]() {
		await this.close();
	}
	/**
	* Internally only use eventBulks$
	* Do not use .$ or .observable$ because that has to transform
	* the events which decreases performance.
	*/
	eventBulks$ = new Subject();
	closePromise = null;
	collectionsSubject$ = new Subject();
	observable$ = this.eventBulks$.pipe(mergeMap((changeEventBulk) => rxChangeEventBulkToRxChangeEvents(changeEventBulk)));
	/**
	* Unique token that is stored with the data.
	* Used to detect if the dataset has been deleted
	* and if two RxDatabase instances work on the same dataset or not.
	*
	* Because reading and writing the storageToken runs in the hot path
	* of database creation, we do not await the storageWrites but instead
	* work with the promise when we need the value.
	*/
	storageToken = PROMISE_RESOLVE_FALSE;
	/**
	* Stores the whole state of the internal storage token document.
	* We need this in some plugins.
	*/
	storageTokenDocument = PROMISE_RESOLVE_FALSE;
	/**
	* Contains the ids of all event bulks that have been emitted
	* by the database.
	* Used to detect duplicates that come in again via BroadcastChannel
	* or other streams.
	* In the past we tried to remove this and to ensure
	* all storages only emit the same event bulks only once
	* but it turns out this is just not possible for all storages.
	* JavaScript processes, workers and browser tabs can be closed and started at any time
	* which can cause cases where it is not possible to know if an event bulk has been emitted already.
	*/
	emittedEventBulkIds = new ObliviousSet(6e4);
	/**
	* This is the main handle-point for all change events
	* ChangeEvents created by this instance go:
	* RxDocument -> RxCollection -> RxDatabase.$emit -> MultiInstance
	* ChangeEvents created by other instances go:
	* MultiInstance -> RxDatabase.$emit -> RxCollection -> RxDatabase
	*/
	$emit(changeEventBulk) {
		if (this.emittedEventBulkIds.has(changeEventBulk.id)) return;
		this.emittedEventBulkIds.add(changeEventBulk.id);
		this.eventBulks$.next(changeEventBulk);
	}
	/**
	* removes the collection-doc from the internalStore
	*/
	async removeCollectionDoc(name, schema) {
		var doc = await getSingleDocument(this.internalStore, getPrimaryKeyOfInternalDocument(_collectionNamePrimary(name, schema), INTERNAL_CONTEXT_COLLECTION));
		if (!doc) throw newRxError("SNH", {
			name,
			schema
		});
		var writeDoc = flatCloneDocWithMeta(doc);
		writeDoc._deleted = true;
		await this.internalStore.bulkWrite([{
			document: writeDoc,
			previous: doc
		}], "rx-database-remove-collection");
	}
	/**
	* creates multiple RxCollections at once
	* to be much faster by saving db txs and doing stuff in bulk-operations
	* This function is not called often, but mostly in the critical path at the initial page load
	* So it must be as fast as possible.
	*/
	async addCollections(collectionCreators) {
		var jsonSchemas = {};
		var schemas = {};
		var bulkPutDocs = [];
		var useArgsByCollectionName = {};
		await Promise.all(Object.entries(collectionCreators).map(async ([name, args]) => {
			var collectionName = name;
			var rxJsonSchema = args.schema;
			jsonSchemas[collectionName] = rxJsonSchema;
			var schema = createRxSchema(rxJsonSchema, this.hashFunction);
			schemas[collectionName] = schema;
			if (this.collections[name]) throw newRxError("DB3", { name });
			var collectionNameWithVersion = _collectionNamePrimary(name, rxJsonSchema);
			var collectionDocData = {
				id: getPrimaryKeyOfInternalDocument(collectionNameWithVersion, INTERNAL_CONTEXT_COLLECTION),
				key: collectionNameWithVersion,
				context: INTERNAL_CONTEXT_COLLECTION,
				data: {
					name: collectionName,
					schemaHash: await schema.hash,
					schema: schema.jsonSchema,
					version: schema.version,
					connectedStorages: []
				},
				_deleted: false,
				_meta: getDefaultRxDocumentMeta(),
				_rev: getDefaultRevision(),
				_attachments: {}
			};
			bulkPutDocs.push({ document: collectionDocData });
			var useArgs = Object.assign({}, args, {
				name: collectionName,
				schema,
				database: this
			});
			var hookData = flatClone(args);
			hookData.database = this;
			hookData.name = name;
			runPluginHooks("preCreateRxCollection", hookData);
			useArgs.conflictHandler = hookData.conflictHandler;
			useArgsByCollectionName[collectionName] = useArgs;
		}));
		/**
		* Optimization: Start creating collection storage instances
		* in parallel with the internal store bulkWrite and startup error check.
		* Storage instance creation is independent of the internal store write,
		* so we can overlap these I/O operations to reduce time-to-first-insert.
		*/
		var collectionStorageInstancePromises = {};
		Object.keys(collectionCreators).forEach((collectionName) => {
			var useArgs = useArgsByCollectionName[collectionName];
			var storageInstanceCreationParams = {
				databaseInstanceToken: this.token,
				databaseName: this.name,
				collectionName,
				schema: useArgs.schema.jsonSchema,
				options: useArgs.instanceCreationOptions || {},
				multiInstance: this.multiInstance,
				password: this.password,
				devMode: overwritable.isDevMode()
			};
			runPluginHooks("preCreateRxStorageInstance", storageInstanceCreationParams);
			var promise = createRxCollectionStorageInstance(this.asRxDatabase, storageInstanceCreationParams);
			/**
			* Prevent unhandled promise rejection warnings.
			* If ensureNoStartupErrors() or the bulkWrite error handling throws
			* (e.g. password mismatch, schema mismatch), these promises might
			* never be awaited. The actual errors are still propagated when
			* the promises are awaited in Phase 5 below.
			*/
			promise.catch(() => {});
			collectionStorageInstancePromises[collectionName] = promise;
		});
		/**
		* If the ensureNoStartupErrors or the bulkWrite error handling throws,
		* we must close any pre-created storage instances to avoid resource leaks.
		*/
		var putDocsResult;
		try {
			[putDocsResult] = await Promise.all([this.internalStore.bulkWrite(bulkPutDocs, "rx-database-add-collection"), ensureNoStartupErrors(this)]);
			await Promise.all(putDocsResult.error.map(async (error) => {
				if (error.status !== 409) throw newRxError("DB12", {
					database: this.name,
					writeError: error
				});
				var docInDb = ensureNotFalsy(error.documentInDb);
				var collectionName = docInDb.data.name;
				var schema = schemas[collectionName];
				if (docInDb.data.schemaHash !== await schema.hash && !deepEqual(docInDb.data.schema, schema.jsonSchema)) throw newRxError("DB6", {
					database: this.name,
					collection: collectionName,
					previousSchemaHash: docInDb.data.schemaHash,
					schemaHash: await schema.hash,
					previousSchema: docInDb.data.schema,
					schema: ensureNotFalsy(jsonSchemas[collectionName])
				});
			}));
		} catch (err) {
			/**
			* Close any pre-created storage instances on error.
			* Some instances might have failed to create (rejected promise),
			* so we catch and ignore errors during cleanup.
			*/
			await Promise.all(Object.values(collectionStorageInstancePromises).map((p) => p.then((instance) => instance.close()).catch(() => {})));
			throw err;
		}
		var ret = {};
		await Promise.all(Object.keys(collectionCreators).map(async (collectionName) => {
			var useArgs = useArgsByCollectionName[collectionName];
			var storageInstance = await collectionStorageInstancePromises[collectionName];
			var collection = await createRxCollection({
				...useArgs,
				storageInstance
			});
			ret[collectionName] = collection;
			this.collections[collectionName] = collection;
			this.collectionsSubject$.next({
				collection,
				type: "ADDED"
			});
			if (!this[collectionName]) Object.defineProperty(this, collectionName, { get: () => this.collections[collectionName] });
		}));
		return ret;
	}
	/**
	* runs the given function between idleQueue-locking
	*/
	lockedRun(fn) {
		return this.idleQueue.wrapCall(fn);
	}
	requestIdlePromise() {
		return this.idleQueue.requestIdlePromise();
	}
	/**
	* Export database to a JSON friendly format.
	*/
	exportJSON(_collectionsOrOptions, _options) {
		throw pluginMissing("json-dump");
	}
	addState(_name) {
		throw pluginMissing("state");
	}
	/**
	* Import the parsed JSON export into the collection.
	* @param _exportedJSON The previously exported data from the `<db>.exportJSON()` method.
	* @note When an interface is loaded in this collection all base properties of the type are typed as `any`
	* since data could be encrypted.
	*/
	importJSON(_exportedJSON) {
		throw pluginMissing("json-dump");
	}
	backup(_options) {
		throw pluginMissing("backup");
	}
	leaderElector() {
		throw pluginMissing("leader-election");
	}
	isLeader() {
		throw pluginMissing("leader-election");
	}
	/**
	* returns a promise which resolves when the instance becomes leader
	*/
	waitForLeadership() {
		throw pluginMissing("leader-election");
	}
	migrationStates() {
		throw pluginMissing("migration-schema");
	}
	/**
	* closes the database-instance and all collections
	*/
	close() {
		if (this.closePromise) return this.closePromise;
		var { promise, resolve, reject } = createPromiseWithResolvers();
		var resolveClosePromise = (result) => {
			if (this.onClosed) this.onClosed();
			this.closed = true;
			resolve(result);
		};
		this.closePromise = promise;
		(async () => {
			await runAsyncPluginHooks("preCloseRxDatabase", this);
			/**
			* Complete the event stream
			* to stop all subscribers who forgot to unsubscribe.
			*/
			this.eventBulks$.complete();
			this.collectionsSubject$.complete();
			DB_COUNT--;
			this._subs.map((sub) => sub.unsubscribe());
			/**
			* closing the pseudo instance will throw
			* because stuff is missing
			* TODO we should not need the pseudo instance on runtime.
			* we should generate the property list on build time.
			*/
			if (this.name === "pseudoInstance") {
				resolveClosePromise(false);
				return;
			}
			/**
			* First wait until the database is idle
			*/
			await this.requestIdlePromise();
			var closingError = null;
			try {
				await Promise.all(this.onClose.map((fn) => fn()));
			} catch (err) {
				closingError = err;
			}
			await Promise.all(Object.keys(this.collections).map((key) => this.collections[key]).map((col) => col.close()));
			await this.internalStore.close();
			if (closingError) throw closingError;
			resolveClosePromise(true);
		})().catch((err) => {
			/**
			* If an error occurs during closing,
			* we still have to mark the database as closed
			* and clean up the instance tracking so that
			* a new database with the same name can be created.
			*/
			if (this.onClosed) this.onClosed();
			this.closed = true;
			reject(err);
		});
		return promise;
	}
	/**
	* deletes the database and its stored data.
	* Returns the names of all removed collections.
	*/
	async remove() {
		/**
		* Collect all collection onRemove handlers before closing,
		* because close() will clear the collections and unsubscribe
		* all listeners, making it impossible to trigger onRemove afterwards.
		*/
		var collections = Object.values(this.collections);
		await this.close();
		await Promise.all(collections.map((col) => Promise.all(col.onRemove.map((fn) => fn()))));
		return removeRxDatabase(this.name, this.storage, this.multiInstance, this.password);
	}
	get asRxDatabase() {
		return this;
	}
	registerWebMCP(_options) {
		throw pluginMissing("webmcp");
	}
};
/**
* checks if an instance with same name and storage already exists
* @throws {RxError} if used
*/
function throwIfDatabaseNameUsed(name, storage) {
	if (USED_DATABASE_NAMES.has(getDatabaseNameKey(name, storage))) throw newRxError("DB8", {
		name,
		storage: storage.name,
		link: "https://rxdb.info/rx-database.html#ignoreduplicate"
	});
}
/**
* Polyfill for https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Promise/withResolvers
*/
function createPromiseWithResolvers() {
	var resolve;
	var reject;
	return {
		promise: new Promise((res, rej) => {
			resolve = res;
			reject = rej;
		}),
		resolve,
		reject
	};
}
function getDatabaseNameKey(name, storage) {
	return storage.name + "|" + name;
}
/**
* Creates the storage instances that are used internally in the database
* to store schemas and other configuration stuff.
*/
async function createRxDatabaseStorageInstance(databaseInstanceToken, storage, databaseName, options, multiInstance, password) {
	return await storage.createStorageInstance({
		databaseInstanceToken,
		databaseName,
		collectionName: INTERNAL_STORAGE_NAME,
		schema: INTERNAL_STORE_SCHEMA,
		options,
		multiInstance,
		password,
		devMode: overwritable.isDevMode()
	});
}
/**
* Creates an RxDatabase instance.
*
* In development, add the dev-mode plugin via `addRxPlugin()` **before** calling
* this function. The dev-mode plugin enables schema validation, detailed error
* messages, and other helpful runtime checks that are stripped from production builds.
*
* Need help? The RxDB Discord is the fastest place to reach the maintainers.
* @see https://rxdb.info/chat/?console=code RxDB Discord community and support
*
* @example
* ```ts
* import { createRxDatabase, addRxPlugin } from 'rxdb';
* import { RxDBDevModePlugin } from 'rxdb/plugins/dev-mode';
* import { wrappedValidateAjvStorage } from 'rxdb/plugins/validate-ajv';
* import { getRxStorageDexie } from 'rxdb/plugins/storage-dexie';
*
* // Add dev-mode plugin first, before any other RxDB code runs.
* if (process.env.NODE_ENV !== 'production') {
*   addRxPlugin(RxDBDevModePlugin);
* }
*
* const db = await createRxDatabase({
*   name: 'mydb',
*   // In dev-mode, wrap the storage with a validator so every write is
*   // checked against the schema and errors surface immediately.
*   storage: process.env.NODE_ENV !== 'production'
*     ? wrappedValidateAjvStorage({ storage: getRxStorageDexie() })
*     : getRxStorageDexie()
* });
* ```
*/
function createRxDatabase({ storage, instanceCreationOptions, name, password, multiInstance = true, eventReduce = true, ignoreDuplicate = false, options = {}, cleanupPolicy, closeDuplicates = false, allowSlowCount = false, localDocuments = false, hashFunction = defaultHashSha256, reactivity, liveQueryUpdateThrottleTime = 0 }) {
	runPluginHooks("preCreateRxDatabase", {
		storage,
		instanceCreationOptions,
		name,
		password,
		multiInstance,
		eventReduce,
		ignoreDuplicate,
		options,
		localDocuments
	});
	var databaseNameKey = getDatabaseNameKey(name, storage);
	var databaseNameKeyUnclosedInstancesSet = DATABASE_UNCLOSED_INSTANCE_PROMISE_MAP.get(databaseNameKey) || /* @__PURE__ */ new Set();
	var instancePromiseWithResolvers = createPromiseWithResolvers();
	var closeDuplicatesPromises = Array.from(databaseNameKeyUnclosedInstancesSet);
	var onInstanceClosed = () => {
		databaseNameKeyUnclosedInstancesSet.delete(instancePromiseWithResolvers.promise);
		USED_DATABASE_NAMES.delete(databaseNameKey);
	};
	databaseNameKeyUnclosedInstancesSet.add(instancePromiseWithResolvers.promise);
	DATABASE_UNCLOSED_INSTANCE_PROMISE_MAP.set(databaseNameKey, databaseNameKeyUnclosedInstancesSet);
	(async () => {
		if (closeDuplicates) await Promise.all(closeDuplicatesPromises.map((unclosedInstancePromise) => unclosedInstancePromise.catch(() => null).then((instance) => instance && instance.close())));
		if (ignoreDuplicate) {
			if (!overwritable.isDevMode()) throw newRxError("DB9", { database: name });
		} else throwIfDatabaseNameUsed(name, storage);
		USED_DATABASE_NAMES.add(databaseNameKey);
		var databaseInstanceToken = randomToken$1(10);
		var rxDatabase = new RxDatabaseBase(name, databaseInstanceToken, storage, instanceCreationOptions, password, multiInstance, eventReduce, options, await createRxDatabaseStorageInstance(databaseInstanceToken, storage, name, instanceCreationOptions, multiInstance, password), hashFunction, cleanupPolicy, allowSlowCount, reactivity, onInstanceClosed, liveQueryUpdateThrottleTime);
		await runAsyncPluginHooks("createRxDatabase", {
			database: rxDatabase,
			creator: {
				storage,
				instanceCreationOptions,
				name,
				password,
				multiInstance,
				eventReduce,
				ignoreDuplicate,
				options,
				localDocuments
			}
		});
		return rxDatabase;
	})().then((rxDatabase) => {
		instancePromiseWithResolvers.resolve(rxDatabase);
	}).catch((err) => {
		instancePromiseWithResolvers.reject(err);
		onInstanceClosed();
	});
	return instancePromiseWithResolvers.promise;
}
/**
* Removes the database and all its known data
* with all known collections and all internal meta data.
*
* Returns the names of the removed collections.
*/
async function removeRxDatabase(databaseName, storage, multiInstance = true, password) {
	var databaseInstanceToken = randomToken$1(10);
	var dbInternalsStorageInstance = await createRxDatabaseStorageInstance(databaseInstanceToken, storage, databaseName, {}, multiInstance, password);
	var collectionDocs = await getAllCollectionDocuments(dbInternalsStorageInstance);
	var collectionNames = /* @__PURE__ */ new Set();
	collectionDocs.forEach((doc) => collectionNames.add(doc.data.name));
	var removedCollectionNames = Array.from(collectionNames);
	await Promise.all(removedCollectionNames.map((collectionName) => removeCollectionStorages(storage, dbInternalsStorageInstance, databaseInstanceToken, databaseName, collectionName, multiInstance, password)));
	await runAsyncPluginHooks("postRemoveRxDatabase", {
		databaseName,
		storage
	});
	await dbInternalsStorageInstance.remove();
	return removedCollectionNames;
}
/**
* For better performance some tasks run async
* and are awaited later.
* But we still have to ensure that there have been no errors
* on database creation.
*/
async function ensureNoStartupErrors(rxDatabase) {
	await rxDatabase.storageToken;
	if (rxDatabase.startupErrors[0]) throw rxDatabase.startupErrors[0];
}
// node_modules/decimal.js/decimal.mjs
/*!
*  decimal.js v10.6.0
*  An arbitrary-precision Decimal type for JavaScript.
*  https://github.com/MikeMcl/decimal.js
*  Copyright (c) 2025 Michael Mclaughlin <M8ch88l@gmail.com>
*  MIT Licence
*/
var EXP_LIMIT = 9e15;
var MAX_DIGITS = 1e9;
var NUMERALS = "0123456789abcdef";
var LN10 = "2.3025850929940456840179914546843642076011014886287729760333279009675726096773524802359972050895982983419677840422862486334095254650828067566662873690987816894829072083255546808437998948262331985283935053089653777326288461633662222876982198867465436674744042432743651550489343149393914796194044002221051017141748003688084012647080685567743216228355220114804663715659121373450747856947683463616792101806445070648000277502684916746550586856935673420670581136429224554405758925724208241314695689016758940256776311356919292033376587141660230105703089634572075440370847469940168269282808481184289314848524948644871927809676271275775397027668605952496716674183485704422507197965004714951050492214776567636938662976979522110718264549734772662425709429322582798502585509785265383207606726317164309505995087807523710333101197857547331541421808427543863591778117054309827482385045648019095610299291824318237525357709750539565187697510374970888692180205189339507238539205144634197265287286965110862571492198849978748873771345686209167058";
var PI = "3.1415926535897932384626433832795028841971693993751058209749445923078164062862089986280348253421170679821480865132823066470938446095505822317253594081284811174502841027019385211055596446229489549303819644288109756659334461284756482337867831652712019091456485669234603486104543266482133936072602491412737245870066063155881748815209209628292540917153643678925903600113305305488204665213841469519415116094330572703657595919530921861173819326117931051185480744623799627495673518857527248912279381830119491298336733624406566430860213949463952247371907021798609437027705392171762931767523846748184676694051320005681271452635608277857713427577896091736371787214684409012249534301465495853710507922796892589235420199561121290219608640344181598136297747713099605187072113499999983729780499510597317328160963185950244594553469083026425223082533446850352619311881710100031378387528865875332083814206171776691473035982534904287554687311595628638823537875937519577818577805321712268066130019278766111959092164201989380952572010654858632789";
var DEFAULTS = {
	precision: 20,
	rounding: 4,
	modulo: 1,
	toExpNeg: -7,
	toExpPos: 21,
	minE: -EXP_LIMIT,
	maxE: EXP_LIMIT,
	crypto: false
};
var inexact;
var quadrant;
var external = true;
var decimalError = "[DecimalError] ";
var invalidArgument = decimalError + "Invalid argument: ";
var precisionLimitExceeded = decimalError + "Precision limit exceeded";
var cryptoUnavailable = decimalError + "crypto unavailable";
var tag = "[object Decimal]";
var mathfloor = Math.floor;
var mathpow = Math.pow;
var isBinary = /^0b([01]+(\.[01]*)?|\.[01]+)(p[+-]?\d+)?$/i;
var isHex = /^0x([0-9a-f]+(\.[0-9a-f]*)?|\.[0-9a-f]+)(p[+-]?\d+)?$/i;
var isOctal = /^0o([0-7]+(\.[0-7]*)?|\.[0-7]+)(p[+-]?\d+)?$/i;
var isDecimal = /^(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
var BASE = 1e7;
var LOG_BASE = 7;
var MAX_SAFE_INTEGER = 9007199254740991;
var LN10_PRECISION = LN10.length - 1;
var PI_PRECISION = PI.length - 1;
var P = { toStringTag: tag };
P.absoluteValue = P.abs = function() {
	var x = new this.constructor(this);
	if (x.s < 0) x.s = 1;
	return finalise(x);
};
P.ceil = function() {
	return finalise(new this.constructor(this), this.e + 1, 2);
};
P.clampedTo = P.clamp = function(min, max) {
	var k, x = this, Ctor = x.constructor;
	min = new Ctor(min);
	max = new Ctor(max);
	if (!min.s || !max.s) return new Ctor(NaN);
	if (min.gt(max)) throw Error(invalidArgument + max);
	k = x.cmp(min);
	return k < 0 ? min : x.cmp(max) > 0 ? max : new Ctor(x);
};
P.comparedTo = P.cmp = function(y) {
	var i, j, xdL, ydL, x = this, xd = x.d, yd = (y = new x.constructor(y)).d, xs = x.s, ys = y.s;
	if (!xd || !yd) return !xs || !ys ? NaN : xs !== ys ? xs : xd === yd ? 0 : !xd ^ xs < 0 ? 1 : -1;
	if (!xd[0] || !yd[0]) return xd[0] ? xs : yd[0] ? -ys : 0;
	if (xs !== ys) return xs;
	if (x.e !== y.e) return x.e > y.e ^ xs < 0 ? 1 : -1;
	xdL = xd.length;
	ydL = yd.length;
	for (i = 0, j = xdL < ydL ? xdL : ydL; i < j; ++i) if (xd[i] !== yd[i]) return xd[i] > yd[i] ^ xs < 0 ? 1 : -1;
	return xdL === ydL ? 0 : xdL > ydL ^ xs < 0 ? 1 : -1;
};
P.cosine = P.cos = function() {
	var pr, rm, x = this, Ctor = x.constructor;
	if (!x.d) return new Ctor(NaN);
	if (!x.d[0]) return new Ctor(1);
	pr = Ctor.precision;
	rm = Ctor.rounding;
	Ctor.precision = pr + Math.max(x.e, x.sd()) + LOG_BASE;
	Ctor.rounding = 1;
	x = cosine(Ctor, toLessThanHalfPi(Ctor, x));
	Ctor.precision = pr;
	Ctor.rounding = rm;
	return finalise(quadrant == 2 || quadrant == 3 ? x.neg() : x, pr, rm, true);
};
P.cubeRoot = P.cbrt = function() {
	var e, m, n, r, rep, s, sd, t, t3, t3plusx, x = this, Ctor = x.constructor;
	if (!x.isFinite() || x.isZero()) return new Ctor(x);
	external = false;
	s = x.s * mathpow(x.s * x, 1 / 3);
	if (!s || Math.abs(s) == 1 / 0) {
		n = digitsToString(x.d);
		e = x.e;
		if (s = (e - n.length + 1) % 3) n += s == 1 || s == -2 ? "0" : "00";
		s = mathpow(n, 1 / 3);
		e = mathfloor((e + 1) / 3) - (e % 3 == (e < 0 ? -1 : 2));
		if (s == 1 / 0) n = "5e" + e;
		else {
			n = s.toExponential();
			n = n.slice(0, n.indexOf("e") + 1) + e;
		}
		r = new Ctor(n);
		r.s = x.s;
	} else r = new Ctor(s.toString());
	sd = (e = Ctor.precision) + 3;
	for (;;) {
		t = r;
		t3 = t.times(t).times(t);
		t3plusx = t3.plus(x);
		r = divide(t3plusx.plus(x).times(t), t3plusx.plus(t3), sd + 2, 1);
		if (digitsToString(t.d).slice(0, sd) === (n = digitsToString(r.d)).slice(0, sd)) {
			n = n.slice(sd - 3, sd + 1);
			if (n == "9999" || !rep && n == "4999") {
				if (!rep) {
					finalise(t, e + 1, 0);
					if (t.times(t).times(t).eq(x)) {
						r = t;
						break;
					}
				}
				sd += 4;
				rep = 1;
			} else {
				if (!+n || !+n.slice(1) && n.charAt(0) == "5") {
					finalise(r, e + 1, 1);
					m = !r.times(r).times(r).eq(x);
				}
				break;
			}
		}
	}
	external = true;
	return finalise(r, e, Ctor.rounding, m);
};
P.decimalPlaces = P.dp = function() {
	var w, d = this.d, n = NaN;
	if (d) {
		w = d.length - 1;
		n = (w - mathfloor(this.e / LOG_BASE)) * LOG_BASE;
		w = d[w];
		if (w) for (; w % 10 == 0; w /= 10) n--;
		if (n < 0) n = 0;
	}
	return n;
};
P.dividedBy = P.div = function(y) {
	return divide(this, new this.constructor(y));
};
P.dividedToIntegerBy = P.divToInt = function(y) {
	var x = this, Ctor = x.constructor;
	return finalise(divide(x, new Ctor(y), 0, 1, 1), Ctor.precision, Ctor.rounding);
};
P.equals = P.eq = function(y) {
	return this.cmp(y) === 0;
};
P.floor = function() {
	return finalise(new this.constructor(this), this.e + 1, 3);
};
P.greaterThan = P.gt = function(y) {
	return this.cmp(y) > 0;
};
P.greaterThanOrEqualTo = P.gte = function(y) {
	var k = this.cmp(y);
	return k == 1 || k === 0;
};
P.hyperbolicCosine = P.cosh = function() {
	var k, n, pr, rm, len, x = this, Ctor = x.constructor, one = new Ctor(1);
	if (!x.isFinite()) return new Ctor(x.s ? 1 / 0 : NaN);
	if (x.isZero()) return one;
	pr = Ctor.precision;
	rm = Ctor.rounding;
	Ctor.precision = pr + Math.max(x.e, x.sd()) + 4;
	Ctor.rounding = 1;
	len = x.d.length;
	if (len < 32) {
		k = Math.ceil(len / 3);
		n = (1 / tinyPow(4, k)).toString();
	} else {
		k = 16;
		n = "2.3283064365386962890625e-10";
	}
	x = taylorSeries(Ctor, 1, x.times(n), new Ctor(1), true);
	var cosh2_x, i = k, d8 = new Ctor(8);
	for (; i--;) {
		cosh2_x = x.times(x);
		x = one.minus(cosh2_x.times(d8.minus(cosh2_x.times(d8))));
	}
	return finalise(x, Ctor.precision = pr, Ctor.rounding = rm, true);
};
P.hyperbolicSine = P.sinh = function() {
	var k, pr, rm, len, x = this, Ctor = x.constructor;
	if (!x.isFinite() || x.isZero()) return new Ctor(x);
	pr = Ctor.precision;
	rm = Ctor.rounding;
	Ctor.precision = pr + Math.max(x.e, x.sd()) + 4;
	Ctor.rounding = 1;
	len = x.d.length;
	if (len < 3) x = taylorSeries(Ctor, 2, x, x, true);
	else {
		k = 1.4 * Math.sqrt(len);
		k = k > 16 ? 16 : k | 0;
		x = x.times(1 / tinyPow(5, k));
		x = taylorSeries(Ctor, 2, x, x, true);
		var sinh2_x, d5 = new Ctor(5), d16 = new Ctor(16), d20 = new Ctor(20);
		for (; k--;) {
			sinh2_x = x.times(x);
			x = x.times(d5.plus(sinh2_x.times(d16.times(sinh2_x).plus(d20))));
		}
	}
	Ctor.precision = pr;
	Ctor.rounding = rm;
	return finalise(x, pr, rm, true);
};
P.hyperbolicTangent = P.tanh = function() {
	var pr, rm, x = this, Ctor = x.constructor;
	if (!x.isFinite()) return new Ctor(x.s);
	if (x.isZero()) return new Ctor(x);
	pr = Ctor.precision;
	rm = Ctor.rounding;
	Ctor.precision = pr + 7;
	Ctor.rounding = 1;
	return divide(x.sinh(), x.cosh(), Ctor.precision = pr, Ctor.rounding = rm);
};
P.inverseCosine = P.acos = function() {
	var x = this, Ctor = x.constructor, k = x.abs().cmp(1), pr = Ctor.precision, rm = Ctor.rounding;
	if (k !== -1) return k === 0 ? x.isNeg() ? getPi(Ctor, pr, rm) : new Ctor(0) : new Ctor(NaN);
	if (x.isZero()) return getPi(Ctor, pr + 4, rm).times(.5);
	Ctor.precision = pr + 6;
	Ctor.rounding = 1;
	x = new Ctor(1).minus(x).div(x.plus(1)).sqrt().atan();
	Ctor.precision = pr;
	Ctor.rounding = rm;
	return x.times(2);
};
P.inverseHyperbolicCosine = P.acosh = function() {
	var pr, rm, x = this, Ctor = x.constructor;
	if (x.lte(1)) return new Ctor(x.eq(1) ? 0 : NaN);
	if (!x.isFinite()) return new Ctor(x);
	pr = Ctor.precision;
	rm = Ctor.rounding;
	Ctor.precision = pr + Math.max(Math.abs(x.e), x.sd()) + 4;
	Ctor.rounding = 1;
	external = false;
	x = x.times(x).minus(1).sqrt().plus(x);
	external = true;
	Ctor.precision = pr;
	Ctor.rounding = rm;
	return x.ln();
};
P.inverseHyperbolicSine = P.asinh = function() {
	var pr, rm, x = this, Ctor = x.constructor;
	if (!x.isFinite() || x.isZero()) return new Ctor(x);
	pr = Ctor.precision;
	rm = Ctor.rounding;
	Ctor.precision = pr + 2 * Math.max(Math.abs(x.e), x.sd()) + 6;
	Ctor.rounding = 1;
	external = false;
	x = x.times(x).plus(1).sqrt().plus(x);
	external = true;
	Ctor.precision = pr;
	Ctor.rounding = rm;
	return x.ln();
};
P.inverseHyperbolicTangent = P.atanh = function() {
	var pr, rm, wpr, xsd, x = this, Ctor = x.constructor;
	if (!x.isFinite()) return new Ctor(NaN);
	if (x.e >= 0) return new Ctor(x.abs().eq(1) ? x.s / 0 : x.isZero() ? x : NaN);
	pr = Ctor.precision;
	rm = Ctor.rounding;
	xsd = x.sd();
	if (Math.max(xsd, pr) < 2 * -x.e - 1) return finalise(new Ctor(x), pr, rm, true);
	Ctor.precision = wpr = xsd - x.e;
	x = divide(x.plus(1), new Ctor(1).minus(x), wpr + pr, 1);
	Ctor.precision = pr + 4;
	Ctor.rounding = 1;
	x = x.ln();
	Ctor.precision = pr;
	Ctor.rounding = rm;
	return x.times(.5);
};
P.inverseSine = P.asin = function() {
	var halfPi, k, pr, rm, x = this, Ctor = x.constructor;
	if (x.isZero()) return new Ctor(x);
	k = x.abs().cmp(1);
	pr = Ctor.precision;
	rm = Ctor.rounding;
	if (k !== -1) {
		if (k === 0) {
			halfPi = getPi(Ctor, pr + 4, rm).times(.5);
			halfPi.s = x.s;
			return halfPi;
		}
		return new Ctor(NaN);
	}
	Ctor.precision = pr + 6;
	Ctor.rounding = 1;
	x = x.div(new Ctor(1).minus(x.times(x)).sqrt().plus(1)).atan();
	Ctor.precision = pr;
	Ctor.rounding = rm;
	return x.times(2);
};
P.inverseTangent = P.atan = function() {
	var i, j, k, n, px, t, r, wpr, x2, x = this, Ctor = x.constructor, pr = Ctor.precision, rm = Ctor.rounding;
	if (!x.isFinite()) {
		if (!x.s) return new Ctor(NaN);
		if (pr + 4 <= PI_PRECISION) {
			r = getPi(Ctor, pr + 4, rm).times(.5);
			r.s = x.s;
			return r;
		}
	} else if (x.isZero()) return new Ctor(x);
	else if (x.abs().eq(1) && pr + 4 <= PI_PRECISION) {
		r = getPi(Ctor, pr + 4, rm).times(.25);
		r.s = x.s;
		return r;
	}
	Ctor.precision = wpr = pr + 10;
	Ctor.rounding = 1;
	k = Math.min(28, wpr / LOG_BASE + 2 | 0);
	for (i = k; i; --i) x = x.div(x.times(x).plus(1).sqrt().plus(1));
	external = false;
	j = Math.ceil(wpr / LOG_BASE);
	n = 1;
	x2 = x.times(x);
	r = new Ctor(x);
	px = x;
	for (; i !== -1;) {
		px = px.times(x2);
		t = r.minus(px.div(n += 2));
		px = px.times(x2);
		r = t.plus(px.div(n += 2));
		if (r.d[j] !== void 0) for (i = j; r.d[i] === t.d[i] && i--;);
	}
	if (k) r = r.times(2 << k - 1);
	external = true;
	return finalise(r, Ctor.precision = pr, Ctor.rounding = rm, true);
};
P.isFinite = function() {
	return !!this.d;
};
P.isInteger = P.isInt = function() {
	return !!this.d && mathfloor(this.e / LOG_BASE) > this.d.length - 2;
};
P.isNaN = function() {
	return !this.s;
};
P.isNegative = P.isNeg = function() {
	return this.s < 0;
};
P.isPositive = P.isPos = function() {
	return this.s > 0;
};
P.isZero = function() {
	return !!this.d && this.d[0] === 0;
};
P.lessThan = P.lt = function(y) {
	return this.cmp(y) < 0;
};
P.lessThanOrEqualTo = P.lte = function(y) {
	return this.cmp(y) < 1;
};
P.logarithm = P.log = function(base) {
	var isBase10, d, denominator, k, inf, num, sd, r, arg = this, Ctor = arg.constructor, pr = Ctor.precision, rm = Ctor.rounding, guard = 5;
	if (base == null) {
		base = new Ctor(10);
		isBase10 = true;
	} else {
		base = new Ctor(base);
		d = base.d;
		if (base.s < 0 || !d || !d[0] || base.eq(1)) return new Ctor(NaN);
		isBase10 = base.eq(10);
	}
	d = arg.d;
	if (arg.s < 0 || !d || !d[0] || arg.eq(1)) return new Ctor(d && !d[0] ? -1 / 0 : arg.s != 1 ? NaN : d ? 0 : 1 / 0);
	if (isBase10) {
		if (d.length > 1) inf = true;
		else {
			for (k = d[0]; k % 10 === 0;) k /= 10;
			inf = k !== 1;
		}
	}
	external = false;
	sd = pr + guard;
	num = naturalLogarithm(arg, sd);
	denominator = isBase10 ? getLn10(Ctor, sd + 10) : naturalLogarithm(base, sd);
	r = divide(num, denominator, sd, 1);
	if (checkRoundingDigits(r.d, k = pr, rm)) do {
		sd += 10;
		num = naturalLogarithm(arg, sd);
		denominator = isBase10 ? getLn10(Ctor, sd + 10) : naturalLogarithm(base, sd);
		r = divide(num, denominator, sd, 1);
		if (!inf) {
			if (+digitsToString(r.d).slice(k + 1, k + 15) + 1 == 0x5af3107a4000) r = finalise(r, pr + 1, 0);
			break;
		}
	} while (checkRoundingDigits(r.d, k += 10, rm));
	external = true;
	return finalise(r, pr, rm);
};
P.minus = P.sub = function(y) {
	var d, e, i, j, k, len, pr, rm, xd, xe, xLTy, yd, x = this, Ctor = x.constructor;
	y = new Ctor(y);
	if (!x.d || !y.d) {
		if (!x.s || !y.s) y = new Ctor(NaN);
		else if (x.d) y.s = -y.s;
		else y = new Ctor(y.d || x.s !== y.s ? x : NaN);
		return y;
	}
	if (x.s != y.s) {
		y.s = -y.s;
		return x.plus(y);
	}
	xd = x.d;
	yd = y.d;
	pr = Ctor.precision;
	rm = Ctor.rounding;
	if (!xd[0] || !yd[0]) {
		if (yd[0]) y.s = -y.s;
		else if (xd[0]) y = new Ctor(x);
		else return new Ctor(rm === 3 ? -0 : 0);
		return external ? finalise(y, pr, rm) : y;
	}
	e = mathfloor(y.e / LOG_BASE);
	xe = mathfloor(x.e / LOG_BASE);
	xd = xd.slice();
	k = xe - e;
	if (k) {
		xLTy = k < 0;
		if (xLTy) {
			d = xd;
			k = -k;
			len = yd.length;
		} else {
			d = yd;
			e = xe;
			len = xd.length;
		}
		i = Math.max(Math.ceil(pr / LOG_BASE), len) + 2;
		if (k > i) {
			k = i;
			d.length = 1;
		}
		d.reverse();
		for (i = k; i--;) d.push(0);
		d.reverse();
	} else {
		i = xd.length;
		len = yd.length;
		xLTy = i < len;
		if (xLTy) len = i;
		for (i = 0; i < len; i++) if (xd[i] != yd[i]) {
			xLTy = xd[i] < yd[i];
			break;
		}
		k = 0;
	}
	if (xLTy) {
		d = xd;
		xd = yd;
		yd = d;
		y.s = -y.s;
	}
	len = xd.length;
	for (i = yd.length - len; i > 0; --i) xd[len++] = 0;
	for (i = yd.length; i > k;) {
		if (xd[--i] < yd[i]) {
			for (j = i; j && xd[--j] === 0;) xd[j] = BASE - 1;
			--xd[j];
			xd[i] += BASE;
		}
		xd[i] -= yd[i];
	}
	for (; xd[--len] === 0;) xd.pop();
	for (; xd[0] === 0; xd.shift()) --e;
	if (!xd[0]) return new Ctor(rm === 3 ? -0 : 0);
	y.d = xd;
	y.e = getBase10Exponent(xd, e);
	return external ? finalise(y, pr, rm) : y;
};
P.modulo = P.mod = function(y) {
	var q, x = this, Ctor = x.constructor;
	y = new Ctor(y);
	if (!x.d || !y.s || y.d && !y.d[0]) return new Ctor(NaN);
	if (!y.d || x.d && !x.d[0]) return finalise(new Ctor(x), Ctor.precision, Ctor.rounding);
	external = false;
	if (Ctor.modulo == 9) {
		q = divide(x, y.abs(), 0, 3, 1);
		q.s *= y.s;
	} else q = divide(x, y, 0, Ctor.modulo, 1);
	q = q.times(y);
	external = true;
	return x.minus(q);
};
P.naturalExponential = P.exp = function() {
	return naturalExponential(this);
};
P.naturalLogarithm = P.ln = function() {
	return naturalLogarithm(this);
};
P.negated = P.neg = function() {
	var x = new this.constructor(this);
	x.s = -x.s;
	return finalise(x);
};
P.plus = P.add = function(y) {
	var carry, d, e, i, k, len, pr, rm, xd, yd, x = this, Ctor = x.constructor;
	y = new Ctor(y);
	if (!x.d || !y.d) {
		if (!x.s || !y.s) y = new Ctor(NaN);
		else if (!x.d) y = new Ctor(y.d || x.s === y.s ? x : NaN);
		return y;
	}
	if (x.s != y.s) {
		y.s = -y.s;
		return x.minus(y);
	}
	xd = x.d;
	yd = y.d;
	pr = Ctor.precision;
	rm = Ctor.rounding;
	if (!xd[0] || !yd[0]) {
		if (!yd[0]) y = new Ctor(x);
		return external ? finalise(y, pr, rm) : y;
	}
	k = mathfloor(x.e / LOG_BASE);
	e = mathfloor(y.e / LOG_BASE);
	xd = xd.slice();
	i = k - e;
	if (i) {
		if (i < 0) {
			d = xd;
			i = -i;
			len = yd.length;
		} else {
			d = yd;
			e = k;
			len = xd.length;
		}
		k = Math.ceil(pr / LOG_BASE);
		len = k > len ? k + 1 : len + 1;
		if (i > len) {
			i = len;
			d.length = 1;
		}
		d.reverse();
		for (; i--;) d.push(0);
		d.reverse();
	}
	len = xd.length;
	i = yd.length;
	if (len - i < 0) {
		i = len;
		d = yd;
		yd = xd;
		xd = d;
	}
	for (carry = 0; i;) {
		carry = (xd[--i] = xd[i] + yd[i] + carry) / BASE | 0;
		xd[i] %= BASE;
	}
	if (carry) {
		xd.unshift(carry);
		++e;
	}
	for (len = xd.length; xd[--len] == 0;) xd.pop();
	y.d = xd;
	y.e = getBase10Exponent(xd, e);
	return external ? finalise(y, pr, rm) : y;
};
P.precision = P.sd = function(z) {
	var k, x = this;
	if (z !== void 0 && z !== !!z && z !== 1 && z !== 0) throw Error(invalidArgument + z);
	if (x.d) {
		k = getPrecision(x.d);
		if (z && x.e + 1 > k) k = x.e + 1;
	} else k = NaN;
	return k;
};
P.round = function() {
	var x = this, Ctor = x.constructor;
	return finalise(new Ctor(x), x.e + 1, Ctor.rounding);
};
P.sine = P.sin = function() {
	var pr, rm, x = this, Ctor = x.constructor;
	if (!x.isFinite()) return new Ctor(NaN);
	if (x.isZero()) return new Ctor(x);
	pr = Ctor.precision;
	rm = Ctor.rounding;
	Ctor.precision = pr + Math.max(x.e, x.sd()) + LOG_BASE;
	Ctor.rounding = 1;
	x = sine(Ctor, toLessThanHalfPi(Ctor, x));
	Ctor.precision = pr;
	Ctor.rounding = rm;
	return finalise(quadrant > 2 ? x.neg() : x, pr, rm, true);
};
P.squareRoot = P.sqrt = function() {
	var m, n, sd, r, rep, t, x = this, d = x.d, e = x.e, s = x.s, Ctor = x.constructor;
	if (s !== 1 || !d || !d[0]) return new Ctor(!s || s < 0 && (!d || d[0]) ? NaN : d ? x : 1 / 0);
	external = false;
	s = Math.sqrt(+x);
	if (s == 0 || s == 1 / 0) {
		n = digitsToString(d);
		if ((n.length + e) % 2 == 0) n += "0";
		s = Math.sqrt(n);
		e = mathfloor((e + 1) / 2) - (e < 0 || e % 2);
		if (s == 1 / 0) n = "5e" + e;
		else {
			n = s.toExponential();
			n = n.slice(0, n.indexOf("e") + 1) + e;
		}
		r = new Ctor(n);
	} else r = new Ctor(s.toString());
	sd = (e = Ctor.precision) + 3;
	for (;;) {
		t = r;
		r = t.plus(divide(x, t, sd + 2, 1)).times(.5);
		if (digitsToString(t.d).slice(0, sd) === (n = digitsToString(r.d)).slice(0, sd)) {
			n = n.slice(sd - 3, sd + 1);
			if (n == "9999" || !rep && n == "4999") {
				if (!rep) {
					finalise(t, e + 1, 0);
					if (t.times(t).eq(x)) {
						r = t;
						break;
					}
				}
				sd += 4;
				rep = 1;
			} else {
				if (!+n || !+n.slice(1) && n.charAt(0) == "5") {
					finalise(r, e + 1, 1);
					m = !r.times(r).eq(x);
				}
				break;
			}
		}
	}
	external = true;
	return finalise(r, e, Ctor.rounding, m);
};
P.tangent = P.tan = function() {
	var pr, rm, x = this, Ctor = x.constructor;
	if (!x.isFinite()) return new Ctor(NaN);
	if (x.isZero()) return new Ctor(x);
	pr = Ctor.precision;
	rm = Ctor.rounding;
	Ctor.precision = pr + 10;
	Ctor.rounding = 1;
	x = x.sin();
	x.s = 1;
	x = divide(x, new Ctor(1).minus(x.times(x)).sqrt(), pr + 10, 0);
	Ctor.precision = pr;
	Ctor.rounding = rm;
	return finalise(quadrant == 2 || quadrant == 4 ? x.neg() : x, pr, rm, true);
};
P.times = P.mul = function(y) {
	var carry, e, i, k, r, rL, t, xdL, ydL, x = this, Ctor = x.constructor, xd = x.d, yd = (y = new Ctor(y)).d;
	y.s *= x.s;
	if (!xd || !xd[0] || !yd || !yd[0]) return new Ctor(!y.s || xd && !xd[0] && !yd || yd && !yd[0] && !xd ? NaN : !xd || !yd ? y.s / 0 : y.s * 0);
	e = mathfloor(x.e / LOG_BASE) + mathfloor(y.e / LOG_BASE);
	xdL = xd.length;
	ydL = yd.length;
	if (xdL < ydL) {
		r = xd;
		xd = yd;
		yd = r;
		rL = xdL;
		xdL = ydL;
		ydL = rL;
	}
	r = [];
	rL = xdL + ydL;
	for (i = rL; i--;) r.push(0);
	for (i = ydL; --i >= 0;) {
		carry = 0;
		for (k = xdL + i; k > i;) {
			t = r[k] + yd[i] * xd[k - i - 1] + carry;
			r[k--] = t % BASE | 0;
			carry = t / BASE | 0;
		}
		r[k] = (r[k] + carry) % BASE | 0;
	}
	for (; !r[--rL];) r.pop();
	if (carry) ++e;
	else r.shift();
	y.d = r;
	y.e = getBase10Exponent(r, e);
	return external ? finalise(y, Ctor.precision, Ctor.rounding) : y;
};
P.toBinary = function(sd, rm) {
	return toStringBinary(this, 2, sd, rm);
};
P.toDecimalPlaces = P.toDP = function(dp, rm) {
	var x = this, Ctor = x.constructor;
	x = new Ctor(x);
	if (dp === void 0) return x;
	checkInt32(dp, 0, MAX_DIGITS);
	if (rm === void 0) rm = Ctor.rounding;
	else checkInt32(rm, 0, 8);
	return finalise(x, dp + x.e + 1, rm);
};
P.toExponential = function(dp, rm) {
	var str, x = this, Ctor = x.constructor;
	if (dp === void 0) str = finiteToString(x, true);
	else {
		checkInt32(dp, 0, MAX_DIGITS);
		if (rm === void 0) rm = Ctor.rounding;
		else checkInt32(rm, 0, 8);
		x = finalise(new Ctor(x), dp + 1, rm);
		str = finiteToString(x, true, dp + 1);
	}
	return x.isNeg() && !x.isZero() ? "-" + str : str;
};
P.toFixed = function(dp, rm) {
	var str, y, x = this, Ctor = x.constructor;
	if (dp === void 0) str = finiteToString(x);
	else {
		checkInt32(dp, 0, MAX_DIGITS);
		if (rm === void 0) rm = Ctor.rounding;
		else checkInt32(rm, 0, 8);
		y = finalise(new Ctor(x), dp + x.e + 1, rm);
		str = finiteToString(y, false, dp + y.e + 1);
	}
	return x.isNeg() && !x.isZero() ? "-" + str : str;
};
P.toFraction = function(maxD) {
	var d, d0, d1, d2, e, k, n, n0, n1, pr, q, r, x = this, xd = x.d, Ctor = x.constructor;
	if (!xd) return new Ctor(x);
	n1 = d0 = new Ctor(1);
	d1 = n0 = new Ctor(0);
	d = new Ctor(d1);
	e = d.e = getPrecision(xd) - x.e - 1;
	k = e % LOG_BASE;
	d.d[0] = mathpow(10, k < 0 ? LOG_BASE + k : k);
	if (maxD == null) maxD = e > 0 ? d : n1;
	else {
		n = new Ctor(maxD);
		if (!n.isInt() || n.lt(n1)) throw Error(invalidArgument + n);
		maxD = n.gt(d) ? e > 0 ? d : n1 : n;
	}
	external = false;
	n = new Ctor(digitsToString(xd));
	pr = Ctor.precision;
	Ctor.precision = e = xd.length * LOG_BASE * 2;
	for (;;) {
		q = divide(n, d, 0, 1, 1);
		d2 = d0.plus(q.times(d1));
		if (d2.cmp(maxD) == 1) break;
		d0 = d1;
		d1 = d2;
		d2 = n1;
		n1 = n0.plus(q.times(d2));
		n0 = d2;
		d2 = d;
		d = n.minus(q.times(d2));
		n = d2;
	}
	d2 = divide(maxD.minus(d0), d1, 0, 1, 1);
	n0 = n0.plus(d2.times(n1));
	d0 = d0.plus(d2.times(d1));
	n0.s = n1.s = x.s;
	r = divide(n1, d1, e, 1).minus(x).abs().cmp(divide(n0, d0, e, 1).minus(x).abs()) < 1 ? [n1, d1] : [n0, d0];
	Ctor.precision = pr;
	external = true;
	return r;
};
P.toHexadecimal = P.toHex = function(sd, rm) {
	return toStringBinary(this, 16, sd, rm);
};
P.toNearest = function(y, rm) {
	var x = this, Ctor = x.constructor;
	x = new Ctor(x);
	if (y == null) {
		if (!x.d) return x;
		y = new Ctor(1);
		rm = Ctor.rounding;
	} else {
		y = new Ctor(y);
		if (rm === void 0) rm = Ctor.rounding;
		else checkInt32(rm, 0, 8);
		if (!x.d) return y.s ? x : y;
		if (!y.d) {
			if (y.s) y.s = x.s;
			return y;
		}
	}
	if (y.d[0]) {
		external = false;
		x = divide(x, y, 0, rm, 1).times(y);
		external = true;
		finalise(x);
	} else {
		y.s = x.s;
		x = y;
	}
	return x;
};
P.toNumber = function() {
	return +this;
};
P.toOctal = function(sd, rm) {
	return toStringBinary(this, 8, sd, rm);
};
P.toPower = P.pow = function(y) {
	var e, k, pr, r, rm, s, x = this, Ctor = x.constructor, yn = +(y = new Ctor(y));
	if (!x.d || !y.d || !x.d[0] || !y.d[0]) return new Ctor(mathpow(+x, yn));
	x = new Ctor(x);
	if (x.eq(1)) return x;
	pr = Ctor.precision;
	rm = Ctor.rounding;
	if (y.eq(1)) return finalise(x, pr, rm);
	e = mathfloor(y.e / LOG_BASE);
	if (e >= y.d.length - 1 && (k = yn < 0 ? -yn : yn) <= MAX_SAFE_INTEGER) {
		r = intPow(Ctor, x, k, pr);
		return y.s < 0 ? new Ctor(1).div(r) : finalise(r, pr, rm);
	}
	s = x.s;
	if (s < 0) {
		if (e < y.d.length - 1) return new Ctor(NaN);
		if ((y.d[e] & 1) == 0) s = 1;
		if (x.e == 0 && x.d[0] == 1 && x.d.length == 1) {
			x.s = s;
			return x;
		}
	}
	k = mathpow(+x, yn);
	e = k == 0 || !isFinite(k) ? mathfloor(yn * (Math.log("0." + digitsToString(x.d)) / Math.LN10 + x.e + 1)) : new Ctor(k + "").e;
	if (e > Ctor.maxE + 1 || e < Ctor.minE - 1) return new Ctor(e > 0 ? s / 0 : 0);
	external = false;
	Ctor.rounding = x.s = 1;
	k = Math.min(12, (e + "").length);
	r = naturalExponential(y.times(naturalLogarithm(x, pr + k)), pr);
	if (r.d) {
		r = finalise(r, pr + 5, 1);
		if (checkRoundingDigits(r.d, pr, rm)) {
			e = pr + 10;
			r = finalise(naturalExponential(y.times(naturalLogarithm(x, e + k)), e), e + 5, 1);
			if (+digitsToString(r.d).slice(pr + 1, pr + 15) + 1 == 0x5af3107a4000) r = finalise(r, pr + 1, 0);
		}
	}
	r.s = s;
	external = true;
	Ctor.rounding = rm;
	return finalise(r, pr, rm);
};
P.toPrecision = function(sd, rm) {
	var str, x = this, Ctor = x.constructor;
	if (sd === void 0) str = finiteToString(x, x.e <= Ctor.toExpNeg || x.e >= Ctor.toExpPos);
	else {
		checkInt32(sd, 1, MAX_DIGITS);
		if (rm === void 0) rm = Ctor.rounding;
		else checkInt32(rm, 0, 8);
		x = finalise(new Ctor(x), sd, rm);
		str = finiteToString(x, sd <= x.e || x.e <= Ctor.toExpNeg, sd);
	}
	return x.isNeg() && !x.isZero() ? "-" + str : str;
};
P.toSignificantDigits = P.toSD = function(sd, rm) {
	var x = this, Ctor = x.constructor;
	if (sd === void 0) {
		sd = Ctor.precision;
		rm = Ctor.rounding;
	} else {
		checkInt32(sd, 1, MAX_DIGITS);
		if (rm === void 0) rm = Ctor.rounding;
		else checkInt32(rm, 0, 8);
	}
	return finalise(new Ctor(x), sd, rm);
};
P.toString = function() {
	var x = this, Ctor = x.constructor, str = finiteToString(x, x.e <= Ctor.toExpNeg || x.e >= Ctor.toExpPos);
	return x.isNeg() && !x.isZero() ? "-" + str : str;
};
P.truncated = P.trunc = function() {
	return finalise(new this.constructor(this), this.e + 1, 1);
};
P.valueOf = P.toJSON = function() {
	var x = this, Ctor = x.constructor, str = finiteToString(x, x.e <= Ctor.toExpNeg || x.e >= Ctor.toExpPos);
	return x.isNeg() ? "-" + str : str;
};
function digitsToString(d) {
	var i, k, ws, indexOfLastWord = d.length - 1, str = "", w = d[0];
	if (indexOfLastWord > 0) {
		str += w;
		for (i = 1; i < indexOfLastWord; i++) {
			ws = d[i] + "";
			k = LOG_BASE - ws.length;
			if (k) str += getZeroString(k);
			str += ws;
		}
		w = d[i];
		ws = w + "";
		k = LOG_BASE - ws.length;
		if (k) str += getZeroString(k);
	} else if (w === 0) return "0";
	for (; w % 10 === 0;) w /= 10;
	return str + w;
}
function checkInt32(i, min, max) {
	if (i !== ~~i || i < min || i > max) throw Error(invalidArgument + i);
}
function checkRoundingDigits(d, i, rm, repeating) {
	var di, k = d[0], r, rd;
	for (; k >= 10; k /= 10) --i;
	if (--i < 0) {
		i += LOG_BASE;
		di = 0;
	} else {
		di = Math.ceil((i + 1) / LOG_BASE);
		i %= LOG_BASE;
	}
	k = mathpow(10, LOG_BASE - i);
	rd = d[di] % k | 0;
	if (repeating == null) {
		if (i < 3) {
			if (i == 0) rd = rd / 100 | 0;
			else if (i == 1) rd = rd / 10 | 0;
			r = rm < 4 && rd == 99999 || rm > 3 && rd == 49999 || rd == 5e4 || rd == 0;
		} else r = (rm < 4 && rd + 1 == k || rm > 3 && rd + 1 == k / 2) && (d[di + 1] / k / 100 | 0) == mathpow(10, i - 2) - 1 || (rd == k / 2 || rd == 0) && (d[di + 1] / k / 100 | 0) == 0;
	} else if (i < 4) {
		if (i == 0) rd = rd / 1e3 | 0;
		else if (i == 1) rd = rd / 100 | 0;
		else if (i == 2) rd = rd / 10 | 0;
		r = (repeating || rm < 4) && rd == 9999 || !repeating && rm > 3 && rd == 4999;
	} else r = ((repeating || rm < 4) && rd + 1 == k || !repeating && rm > 3 && rd + 1 == k / 2) && (d[di + 1] / k / 1e3 | 0) == mathpow(10, i - 3) - 1;
	return r;
}
function convertBase(str, baseIn, baseOut) {
	var j, arr = [0], arrL, i = 0, strL = str.length;
	for (; i < strL;) {
		for (arrL = arr.length; arrL--;) arr[arrL] *= baseIn;
		arr[0] += NUMERALS.indexOf(str.charAt(i++));
		for (j = 0; j < arr.length; j++) if (arr[j] > baseOut - 1) {
			if (arr[j + 1] === void 0) arr[j + 1] = 0;
			arr[j + 1] += arr[j] / baseOut | 0;
			arr[j] %= baseOut;
		}
	}
	return arr.reverse();
}
function cosine(Ctor, x) {
	var k, len, y;
	if (x.isZero()) return x;
	len = x.d.length;
	if (len < 32) {
		k = Math.ceil(len / 3);
		y = (1 / tinyPow(4, k)).toString();
	} else {
		k = 16;
		y = "2.3283064365386962890625e-10";
	}
	Ctor.precision += k;
	x = taylorSeries(Ctor, 1, x.times(y), new Ctor(1));
	for (var i = k; i--;) {
		var cos2x = x.times(x);
		x = cos2x.times(cos2x).minus(cos2x).times(8).plus(1);
	}
	Ctor.precision -= k;
	return x;
}
var divide = (function() {
	function multiplyInteger(x, k, base) {
		var temp, carry = 0, i = x.length;
		for (x = x.slice(); i--;) {
			temp = x[i] * k + carry;
			x[i] = temp % base | 0;
			carry = temp / base | 0;
		}
		if (carry) x.unshift(carry);
		return x;
	}
	function compare(a, b, aL, bL) {
		var i, r;
		if (aL != bL) r = aL > bL ? 1 : -1;
		else for (i = r = 0; i < aL; i++) if (a[i] != b[i]) {
			r = a[i] > b[i] ? 1 : -1;
			break;
		}
		return r;
	}
	function subtract(a, b, aL, base) {
		var i = 0;
		for (; aL--;) {
			a[aL] -= i;
			i = a[aL] < b[aL] ? 1 : 0;
			a[aL] = i * base + a[aL] - b[aL];
		}
		for (; !a[0] && a.length > 1;) a.shift();
	}
	return function(x, y, pr, rm, dp, base) {
		var cmp, e, i, k, logBase, more, prod, prodL, q, qd, rem, remL, rem0, sd, t, xi, xL, yd0, yL, yz, Ctor = x.constructor, sign = x.s == y.s ? 1 : -1, xd = x.d, yd = y.d;
		if (!xd || !xd[0] || !yd || !yd[0]) return new Ctor(!x.s || !y.s || (xd ? yd && xd[0] == yd[0] : !yd) ? NaN : xd && xd[0] == 0 || !yd ? sign * 0 : sign / 0);
		if (base) {
			logBase = 1;
			e = x.e - y.e;
		} else {
			base = BASE;
			logBase = LOG_BASE;
			e = mathfloor(x.e / logBase) - mathfloor(y.e / logBase);
		}
		yL = yd.length;
		xL = xd.length;
		q = new Ctor(sign);
		qd = q.d = [];
		for (i = 0; yd[i] == (xd[i] || 0); i++);
		if (yd[i] > (xd[i] || 0)) e--;
		if (pr == null) {
			sd = pr = Ctor.precision;
			rm = Ctor.rounding;
		} else if (dp) sd = pr + (x.e - y.e) + 1;
		else sd = pr;
		if (sd < 0) {
			qd.push(1);
			more = true;
		} else {
			sd = sd / logBase + 2 | 0;
			i = 0;
			if (yL == 1) {
				k = 0;
				yd = yd[0];
				sd++;
				for (; (i < xL || k) && sd--; i++) {
					t = k * base + (xd[i] || 0);
					qd[i] = t / yd | 0;
					k = t % yd | 0;
				}
				more = k || i < xL;
			} else {
				k = base / (yd[0] + 1) | 0;
				if (k > 1) {
					yd = multiplyInteger(yd, k, base);
					xd = multiplyInteger(xd, k, base);
					yL = yd.length;
					xL = xd.length;
				}
				xi = yL;
				rem = xd.slice(0, yL);
				remL = rem.length;
				for (; remL < yL;) rem[remL++] = 0;
				yz = yd.slice();
				yz.unshift(0);
				yd0 = yd[0];
				if (yd[1] >= base / 2) ++yd0;
				do {
					k = 0;
					cmp = compare(yd, rem, yL, remL);
					if (cmp < 0) {
						rem0 = rem[0];
						if (yL != remL) rem0 = rem0 * base + (rem[1] || 0);
						k = rem0 / yd0 | 0;
						if (k > 1) {
							if (k >= base) k = base - 1;
							prod = multiplyInteger(yd, k, base);
							prodL = prod.length;
							remL = rem.length;
							cmp = compare(prod, rem, prodL, remL);
							if (cmp == 1) {
								k--;
								subtract(prod, yL < prodL ? yz : yd, prodL, base);
							}
						} else {
							if (k == 0) cmp = k = 1;
							prod = yd.slice();
						}
						prodL = prod.length;
						if (prodL < remL) prod.unshift(0);
						subtract(rem, prod, remL, base);
						if (cmp == -1) {
							remL = rem.length;
							cmp = compare(yd, rem, yL, remL);
							if (cmp < 1) {
								k++;
								subtract(rem, yL < remL ? yz : yd, remL, base);
							}
						}
						remL = rem.length;
					} else if (cmp === 0) {
						k++;
						rem = [0];
					}
					qd[i++] = k;
					if (cmp && rem[0]) rem[remL++] = xd[xi] || 0;
					else {
						rem = [xd[xi]];
						remL = 1;
					}
				} while ((xi++ < xL || rem[0] !== void 0) && sd--);
				more = rem[0] !== void 0;
			}
			if (!qd[0]) qd.shift();
		}
		if (logBase == 1) {
			q.e = e;
			inexact = more;
		} else {
			for (i = 1, k = qd[0]; k >= 10; k /= 10) i++;
			q.e = i + e * logBase - 1;
			finalise(q, dp ? pr + q.e + 1 : pr, rm, more);
		}
		return q;
	};
})();
function finalise(x, sd, rm, isTruncated) {
	var digits, i, j, k, rd, roundUp, w, xd, xdi, Ctor = x.constructor;
	out: if (sd != null) {
		xd = x.d;
		if (!xd) return x;
		for (digits = 1, k = xd[0]; k >= 10; k /= 10) digits++;
		i = sd - digits;
		if (i < 0) {
			i += LOG_BASE;
			j = sd;
			w = xd[xdi = 0];
			rd = w / mathpow(10, digits - j - 1) % 10 | 0;
		} else {
			xdi = Math.ceil((i + 1) / LOG_BASE);
			k = xd.length;
			if (xdi >= k) {
				if (isTruncated) {
					for (; k++ <= xdi;) xd.push(0);
					w = rd = 0;
					digits = 1;
					i %= LOG_BASE;
					j = i - LOG_BASE + 1;
				} else break out;
			} else {
				w = k = xd[xdi];
				for (digits = 1; k >= 10; k /= 10) digits++;
				i %= LOG_BASE;
				j = i - LOG_BASE + digits;
				rd = j < 0 ? 0 : w / mathpow(10, digits - j - 1) % 10 | 0;
			}
		}
		isTruncated = isTruncated || sd < 0 || xd[xdi + 1] !== void 0 || (j < 0 ? w : w % mathpow(10, digits - j - 1));
		roundUp = rm < 4 ? (rd || isTruncated) && (rm == 0 || rm == (x.s < 0 ? 3 : 2)) : rd > 5 || rd == 5 && (rm == 4 || isTruncated || rm == 6 && (i > 0 ? j > 0 ? w / mathpow(10, digits - j) : 0 : xd[xdi - 1]) % 10 & 1 || rm == (x.s < 0 ? 8 : 7));
		if (sd < 1 || !xd[0]) {
			xd.length = 0;
			if (roundUp) {
				sd -= x.e + 1;
				xd[0] = mathpow(10, (LOG_BASE - sd % LOG_BASE) % LOG_BASE);
				x.e = -sd || 0;
			} else xd[0] = x.e = 0;
			return x;
		}
		if (i == 0) {
			xd.length = xdi;
			k = 1;
			xdi--;
		} else {
			xd.length = xdi + 1;
			k = mathpow(10, LOG_BASE - i);
			xd[xdi] = j > 0 ? (w / mathpow(10, digits - j) % mathpow(10, j) | 0) * k : 0;
		}
		if (roundUp) for (;;) if (xdi == 0) {
			for (i = 1, j = xd[0]; j >= 10; j /= 10) i++;
			j = xd[0] += k;
			for (k = 1; j >= 10; j /= 10) k++;
			if (i != k) {
				x.e++;
				if (xd[0] == BASE) xd[0] = 1;
			}
			break;
		} else {
			xd[xdi] += k;
			if (xd[xdi] != BASE) break;
			xd[xdi--] = 0;
			k = 1;
		}
		for (i = xd.length; xd[--i] === 0;) xd.pop();
	}
	if (external) {
		if (x.e > Ctor.maxE) {
			x.d = null;
			x.e = NaN;
		} else if (x.e < Ctor.minE) {
			x.e = 0;
			x.d = [0];
		}
	}
	return x;
}
function finiteToString(x, isExp, sd) {
	if (!x.isFinite()) return nonFiniteToString(x);
	var k, e = x.e, str = digitsToString(x.d), len = str.length;
	if (isExp) {
		if (sd && (k = sd - len) > 0) str = str.charAt(0) + "." + str.slice(1) + getZeroString(k);
		else if (len > 1) str = str.charAt(0) + "." + str.slice(1);
		str = str + (x.e < 0 ? "e" : "e+") + x.e;
	} else if (e < 0) {
		str = "0." + getZeroString(-e - 1) + str;
		if (sd && (k = sd - len) > 0) str += getZeroString(k);
	} else if (e >= len) {
		str += getZeroString(e + 1 - len);
		if (sd && (k = sd - e - 1) > 0) str = str + "." + getZeroString(k);
	} else {
		if ((k = e + 1) < len) str = str.slice(0, k) + "." + str.slice(k);
		if (sd && (k = sd - len) > 0) {
			if (e + 1 === len) str += ".";
			str += getZeroString(k);
		}
	}
	return str;
}
function getBase10Exponent(digits, e) {
	var w = digits[0];
	for (e *= LOG_BASE; w >= 10; w /= 10) e++;
	return e;
}
function getLn10(Ctor, sd, pr) {
	if (sd > LN10_PRECISION) {
		external = true;
		if (pr) Ctor.precision = pr;
		throw Error(precisionLimitExceeded);
	}
	return finalise(new Ctor(LN10), sd, 1, true);
}
function getPi(Ctor, sd, rm) {
	if (sd > PI_PRECISION) throw Error(precisionLimitExceeded);
	return finalise(new Ctor(PI), sd, rm, true);
}
function getPrecision(digits) {
	var w = digits.length - 1, len = w * LOG_BASE + 1;
	w = digits[w];
	if (w) {
		for (; w % 10 == 0; w /= 10) len--;
		for (w = digits[0]; w >= 10; w /= 10) len++;
	}
	return len;
}
function getZeroString(k) {
	var zs = "";
	for (; k--;) zs += "0";
	return zs;
}
function intPow(Ctor, x, n, pr) {
	var isTruncated, r = new Ctor(1), k = Math.ceil(pr / LOG_BASE + 4);
	external = false;
	for (;;) {
		if (n % 2) {
			r = r.times(x);
			if (truncate(r.d, k)) isTruncated = true;
		}
		n = mathfloor(n / 2);
		if (n === 0) {
			n = r.d.length - 1;
			if (isTruncated && r.d[n] === 0) ++r.d[n];
			break;
		}
		x = x.times(x);
		truncate(x.d, k);
	}
	external = true;
	return r;
}
function isOdd(n) {
	return n.d[n.d.length - 1] & 1;
}
function maxOrMin(Ctor, args, n) {
	var k, y, x = new Ctor(args[0]), i = 0;
	for (; ++i < args.length;) {
		y = new Ctor(args[i]);
		if (!y.s) {
			x = y;
			break;
		}
		k = x.cmp(y);
		if (k === n || k === 0 && x.s === n) x = y;
	}
	return x;
}
function naturalExponential(x, sd) {
	var denominator, guard, j, pow, sum, t, wpr, rep = 0, i = 0, k = 0, Ctor = x.constructor, rm = Ctor.rounding, pr = Ctor.precision;
	if (!x.d || !x.d[0] || x.e > 17) return new Ctor(x.d ? !x.d[0] ? 1 : x.s < 0 ? 0 : 1 / 0 : x.s ? x.s < 0 ? 0 : x : NaN);
	if (sd == null) {
		external = false;
		wpr = pr;
	} else wpr = sd;
	t = new Ctor(.03125);
	while (x.e > -2) {
		x = x.times(t);
		k += 5;
	}
	guard = Math.log(mathpow(2, k)) / Math.LN10 * 2 + 5 | 0;
	wpr += guard;
	denominator = pow = sum = new Ctor(1);
	Ctor.precision = wpr;
	for (;;) {
		pow = finalise(pow.times(x), wpr, 1);
		denominator = denominator.times(++i);
		t = sum.plus(divide(pow, denominator, wpr, 1));
		if (digitsToString(t.d).slice(0, wpr) === digitsToString(sum.d).slice(0, wpr)) {
			j = k;
			while (j--) sum = finalise(sum.times(sum), wpr, 1);
			if (sd == null) {
				if (rep < 3 && checkRoundingDigits(sum.d, wpr - guard, rm, rep)) {
					Ctor.precision = wpr += 10;
					denominator = pow = t = new Ctor(1);
					i = 0;
					rep++;
				} else return finalise(sum, Ctor.precision = pr, rm, external = true);
			} else {
				Ctor.precision = pr;
				return sum;
			}
		}
		sum = t;
	}
}
function naturalLogarithm(y, sd) {
	var c, c0, denominator, e, numerator, rep, sum, t, wpr, x1, x2, n = 1, guard = 10, x = y, xd = x.d, Ctor = x.constructor, rm = Ctor.rounding, pr = Ctor.precision;
	if (x.s < 0 || !xd || !xd[0] || !x.e && xd[0] == 1 && xd.length == 1) return new Ctor(xd && !xd[0] ? -1 / 0 : x.s != 1 ? NaN : xd ? 0 : x);
	if (sd == null) {
		external = false;
		wpr = pr;
	} else wpr = sd;
	Ctor.precision = wpr += guard;
	c = digitsToString(xd);
	c0 = c.charAt(0);
	if (Math.abs(e = x.e) < 0x5543df729c000) {
		while (c0 < 7 && c0 != 1 || c0 == 1 && c.charAt(1) > 3) {
			x = x.times(y);
			c = digitsToString(x.d);
			c0 = c.charAt(0);
			n++;
		}
		e = x.e;
		if (c0 > 1) {
			x = new Ctor("0." + c);
			e++;
		} else x = new Ctor(c0 + "." + c.slice(1));
	} else {
		t = getLn10(Ctor, wpr + 2, pr).times(e + "");
		x = naturalLogarithm(new Ctor(c0 + "." + c.slice(1)), wpr - guard).plus(t);
		Ctor.precision = pr;
		return sd == null ? finalise(x, pr, rm, external = true) : x;
	}
	x1 = x;
	sum = numerator = x = divide(x.minus(1), x.plus(1), wpr, 1);
	x2 = finalise(x.times(x), wpr, 1);
	denominator = 3;
	for (;;) {
		numerator = finalise(numerator.times(x2), wpr, 1);
		t = sum.plus(divide(numerator, new Ctor(denominator), wpr, 1));
		if (digitsToString(t.d).slice(0, wpr) === digitsToString(sum.d).slice(0, wpr)) {
			sum = sum.times(2);
			if (e !== 0) sum = sum.plus(getLn10(Ctor, wpr + 2, pr).times(e + ""));
			sum = divide(sum, new Ctor(n), wpr, 1);
			if (sd == null) {
				if (checkRoundingDigits(sum.d, wpr - guard, rm, rep)) {
					Ctor.precision = wpr += guard;
					t = numerator = x = divide(x1.minus(1), x1.plus(1), wpr, 1);
					x2 = finalise(x.times(x), wpr, 1);
					denominator = rep = 1;
				} else return finalise(sum, Ctor.precision = pr, rm, external = true);
			} else {
				Ctor.precision = pr;
				return sum;
			}
		}
		sum = t;
		denominator += 2;
	}
}
function nonFiniteToString(x) {
	return String(x.s * x.s / 0);
}
function parseDecimal(x, str) {
	var e, i, len;
	if ((e = str.indexOf(".")) > -1) str = str.replace(".", "");
	if ((i = str.search(/e/i)) > 0) {
		if (e < 0) e = i;
		e += +str.slice(i + 1);
		str = str.substring(0, i);
	} else if (e < 0) e = str.length;
	for (i = 0; str.charCodeAt(i) === 48; i++);
	for (len = str.length; str.charCodeAt(len - 1) === 48; --len);
	str = str.slice(i, len);
	if (str) {
		len -= i;
		x.e = e = e - i - 1;
		x.d = [];
		i = (e + 1) % LOG_BASE;
		if (e < 0) i += LOG_BASE;
		if (i < len) {
			if (i) x.d.push(+str.slice(0, i));
			for (len -= LOG_BASE; i < len;) x.d.push(+str.slice(i, i += LOG_BASE));
			str = str.slice(i);
			i = LOG_BASE - str.length;
		} else i -= len;
		for (; i--;) str += "0";
		x.d.push(+str);
		if (external) {
			if (x.e > x.constructor.maxE) {
				x.d = null;
				x.e = NaN;
			} else if (x.e < x.constructor.minE) {
				x.e = 0;
				x.d = [0];
			}
		}
	} else {
		x.e = 0;
		x.d = [0];
	}
	return x;
}
function parseOther(x, str) {
	var base, Ctor, divisor, i, isFloat, len, p, xd, xe;
	if (str.indexOf("_") > -1) {
		str = str.replace(/(\d)_(?=\d)/g, "$1");
		if (isDecimal.test(str)) return parseDecimal(x, str);
	} else if (str === "Infinity" || str === "NaN") {
		if (!+str) x.s = NaN;
		x.e = NaN;
		x.d = null;
		return x;
	}
	if (isHex.test(str)) {
		base = 16;
		str = str.toLowerCase();
	} else if (isBinary.test(str)) base = 2;
	else if (isOctal.test(str)) base = 8;
	else throw Error(invalidArgument + str);
	i = str.search(/p/i);
	if (i > 0) {
		p = +str.slice(i + 1);
		str = str.substring(2, i);
	} else str = str.slice(2);
	i = str.indexOf(".");
	isFloat = i >= 0;
	Ctor = x.constructor;
	if (isFloat) {
		str = str.replace(".", "");
		len = str.length;
		i = len - i;
		divisor = intPow(Ctor, new Ctor(base), i, i * 2);
	}
	xd = convertBase(str, base, BASE);
	xe = xd.length - 1;
	for (i = xe; xd[i] === 0; --i) xd.pop();
	if (i < 0) return new Ctor(x.s * 0);
	x.e = getBase10Exponent(xd, xe);
	x.d = xd;
	external = false;
	if (isFloat) x = divide(x, divisor, len * 4);
	if (p) x = x.times(Math.abs(p) < 54 ? mathpow(2, p) : Decimal.pow(2, p));
	external = true;
	return x;
}
function sine(Ctor, x) {
	var k, len = x.d.length;
	if (len < 3) return x.isZero() ? x : taylorSeries(Ctor, 2, x, x);
	k = 1.4 * Math.sqrt(len);
	k = k > 16 ? 16 : k | 0;
	x = x.times(1 / tinyPow(5, k));
	x = taylorSeries(Ctor, 2, x, x);
	var sin2_x, d5 = new Ctor(5), d16 = new Ctor(16), d20 = new Ctor(20);
	for (; k--;) {
		sin2_x = x.times(x);
		x = x.times(d5.plus(sin2_x.times(d16.times(sin2_x).minus(d20))));
	}
	return x;
}
function taylorSeries(Ctor, n, x, y, isHyperbolic) {
	var j, t, u, x2, i = 1, pr = Ctor.precision, k = Math.ceil(pr / LOG_BASE);
	external = false;
	x2 = x.times(x);
	u = new Ctor(y);
	for (;;) {
		t = divide(u.times(x2), new Ctor(n++ * n++), pr, 1);
		u = isHyperbolic ? y.plus(t) : y.minus(t);
		y = divide(t.times(x2), new Ctor(n++ * n++), pr, 1);
		t = u.plus(y);
		if (t.d[k] !== void 0) {
			for (j = k; t.d[j] === u.d[j] && j--;);
			if (j == -1) break;
		}
		j = u;
		u = y;
		y = t;
		t = j;
		i++;
	}
	external = true;
	t.d.length = k + 1;
	return t;
}
function tinyPow(b, e) {
	var n = b;
	while (--e) n *= b;
	return n;
}
function toLessThanHalfPi(Ctor, x) {
	var t, isNeg = x.s < 0, pi = getPi(Ctor, Ctor.precision, 1), halfPi = pi.times(.5);
	x = x.abs();
	if (x.lte(halfPi)) {
		quadrant = isNeg ? 4 : 1;
		return x;
	}
	t = x.divToInt(pi);
	if (t.isZero()) quadrant = isNeg ? 3 : 2;
	else {
		x = x.minus(t.times(pi));
		if (x.lte(halfPi)) {
			quadrant = isOdd(t) ? isNeg ? 2 : 3 : isNeg ? 4 : 1;
			return x;
		}
		quadrant = isOdd(t) ? isNeg ? 1 : 4 : isNeg ? 3 : 2;
	}
	return x.minus(pi).abs();
}
function toStringBinary(x, baseOut, sd, rm) {
	var base, e, i, k, len, roundUp, str, xd, y, Ctor = x.constructor, isExp = sd !== void 0;
	if (isExp) {
		checkInt32(sd, 1, MAX_DIGITS);
		if (rm === void 0) rm = Ctor.rounding;
		else checkInt32(rm, 0, 8);
	} else {
		sd = Ctor.precision;
		rm = Ctor.rounding;
	}
	if (!x.isFinite()) str = nonFiniteToString(x);
	else {
		str = finiteToString(x);
		i = str.indexOf(".");
		if (isExp) {
			base = 2;
			if (baseOut == 16) sd = sd * 4 - 3;
			else if (baseOut == 8) sd = sd * 3 - 2;
		} else base = baseOut;
		if (i >= 0) {
			str = str.replace(".", "");
			y = new Ctor(1);
			y.e = str.length - i;
			y.d = convertBase(finiteToString(y), 10, base);
			y.e = y.d.length;
		}
		xd = convertBase(str, 10, base);
		e = len = xd.length;
		for (; xd[--len] == 0;) xd.pop();
		if (!xd[0]) str = isExp ? "0p+0" : "0";
		else {
			if (i < 0) e--;
			else {
				x = new Ctor(x);
				x.d = xd;
				x.e = e;
				x = divide(x, y, sd, rm, 0, base);
				xd = x.d;
				e = x.e;
				roundUp = inexact;
			}
			i = xd[sd];
			k = base / 2;
			roundUp = roundUp || xd[sd + 1] !== void 0;
			roundUp = rm < 4 ? (i !== void 0 || roundUp) && (rm === 0 || rm === (x.s < 0 ? 3 : 2)) : i > k || i === k && (rm === 4 || roundUp || rm === 6 && xd[sd - 1] & 1 || rm === (x.s < 0 ? 8 : 7));
			xd.length = sd;
			if (roundUp) for (; ++xd[--sd] > base - 1;) {
				xd[sd] = 0;
				if (!sd) {
					++e;
					xd.unshift(1);
				}
			}
			for (len = xd.length; !xd[len - 1]; --len);
			for (i = 0, str = ""; i < len; i++) str += NUMERALS.charAt(xd[i]);
			if (isExp) {
				if (len > 1) {
					if (baseOut == 16 || baseOut == 8) {
						i = baseOut == 16 ? 4 : 3;
						for (--len; len % i; len++) str += "0";
						xd = convertBase(str, base, baseOut);
						for (len = xd.length; !xd[len - 1]; --len);
						for (i = 1, str = "1."; i < len; i++) str += NUMERALS.charAt(xd[i]);
					} else str = str.charAt(0) + "." + str.slice(1);
				}
				str = str + (e < 0 ? "p" : "p+") + e;
			} else if (e < 0) {
				for (; ++e;) str = "0" + str;
				str = "0." + str;
			} else if (++e > len) for (e -= len; e--;) str += "0";
			else if (e < len) str = str.slice(0, e) + "." + str.slice(e);
		}
		str = (baseOut == 16 ? "0x" : baseOut == 2 ? "0b" : baseOut == 8 ? "0o" : "") + str;
	}
	return x.s < 0 ? "-" + str : str;
}
function truncate(arr, len) {
	if (arr.length > len) {
		arr.length = len;
		return true;
	}
}
function abs(x) {
	return new this(x).abs();
}
function acos(x) {
	return new this(x).acos();
}
function acosh(x) {
	return new this(x).acosh();
}
function add(x, y) {
	return new this(x).plus(y);
}
function asin(x) {
	return new this(x).asin();
}
function asinh(x) {
	return new this(x).asinh();
}
function atan(x) {
	return new this(x).atan();
}
function atanh(x) {
	return new this(x).atanh();
}
function atan2(y, x) {
	y = new this(y);
	x = new this(x);
	var r, pr = this.precision, rm = this.rounding, wpr = pr + 4;
	if (!y.s || !x.s) r = new this(NaN);
	else if (!y.d && !x.d) {
		r = getPi(this, wpr, 1).times(x.s > 0 ? .25 : .75);
		r.s = y.s;
	} else if (!x.d || y.isZero()) {
		r = x.s < 0 ? getPi(this, pr, rm) : new this(0);
		r.s = y.s;
	} else if (!y.d || x.isZero()) {
		r = getPi(this, wpr, 1).times(.5);
		r.s = y.s;
	} else if (x.s < 0) {
		this.precision = wpr;
		this.rounding = 1;
		r = this.atan(divide(y, x, wpr, 1));
		x = getPi(this, wpr, 1);
		this.precision = pr;
		this.rounding = rm;
		r = y.s < 0 ? r.minus(x) : r.plus(x);
	} else r = this.atan(divide(y, x, wpr, 1));
	return r;
}
function cbrt(x) {
	return new this(x).cbrt();
}
function ceil(x) {
	return finalise(x = new this(x), x.e + 1, 2);
}
function clamp(x, min, max) {
	return new this(x).clamp(min, max);
}
function config(obj) {
	if (!obj || typeof obj !== "object") throw Error(decimalError + "Object expected");
	var i, p, v, useDefaults = obj.defaults === true, ps = [
		"precision",
		1,
		MAX_DIGITS,
		"rounding",
		0,
		8,
		"toExpNeg",
		-EXP_LIMIT,
		0,
		"toExpPos",
		0,
		EXP_LIMIT,
		"maxE",
		0,
		EXP_LIMIT,
		"minE",
		-EXP_LIMIT,
		0,
		"modulo",
		0,
		9
	];
	for (i = 0; i < ps.length; i += 3) {
		if (p = ps[i], useDefaults) this[p] = DEFAULTS[p];
		if ((v = obj[p]) !== void 0) {
			if (mathfloor(v) === v && v >= ps[i + 1] && v <= ps[i + 2]) this[p] = v;
			else throw Error(invalidArgument + p + ": " + v);
		}
	}
	if (p = "crypto", useDefaults) this[p] = DEFAULTS[p];
	if ((v = obj[p]) !== void 0) {
		if (v === true || v === false || v === 0 || v === 1) {
			if (v) {
				if (typeof crypto != "undefined" && crypto && (crypto.getRandomValues || crypto.randomBytes)) this[p] = true;
				else throw Error(cryptoUnavailable);
			} else this[p] = false;
		} else throw Error(invalidArgument + p + ": " + v);
	}
	return this;
}
function cos(x) {
	return new this(x).cos();
}
function cosh(x) {
	return new this(x).cosh();
}
function clone(obj) {
	var i, p, ps;
	function Decimal(v) {
		var e, i, t, x = this;
		if (!(x instanceof Decimal)) return new Decimal(v);
		x.constructor = Decimal;
		if (isDecimalInstance(v)) {
			x.s = v.s;
			if (external) {
				if (!v.d || v.e > Decimal.maxE) {
					x.e = NaN;
					x.d = null;
				} else if (v.e < Decimal.minE) {
					x.e = 0;
					x.d = [0];
				} else {
					x.e = v.e;
					x.d = v.d.slice();
				}
			} else {
				x.e = v.e;
				x.d = v.d ? v.d.slice() : v.d;
			}
			return;
		}
		t = typeof v;
		if (t === "number") {
			if (v === 0) {
				x.s = 1 / v < 0 ? -1 : 1;
				x.e = 0;
				x.d = [0];
				return;
			}
			if (v < 0) {
				v = -v;
				x.s = -1;
			} else x.s = 1;
			if (v === ~~v && v < 1e7) {
				for (e = 0, i = v; i >= 10; i /= 10) e++;
				if (external) {
					if (e > Decimal.maxE) {
						x.e = NaN;
						x.d = null;
					} else if (e < Decimal.minE) {
						x.e = 0;
						x.d = [0];
					} else {
						x.e = e;
						x.d = [v];
					}
				} else {
					x.e = e;
					x.d = [v];
				}
				return;
			}
			if (v * 0 !== 0) {
				if (!v) x.s = NaN;
				x.e = NaN;
				x.d = null;
				return;
			}
			return parseDecimal(x, v.toString());
		}
		if (t === "string") {
			if ((i = v.charCodeAt(0)) === 45) {
				v = v.slice(1);
				x.s = -1;
			} else {
				if (i === 43) v = v.slice(1);
				x.s = 1;
			}
			return isDecimal.test(v) ? parseDecimal(x, v) : parseOther(x, v);
		}
		if (t === "bigint") {
			if (v < 0) {
				v = -v;
				x.s = -1;
			} else x.s = 1;
			return parseDecimal(x, v.toString());
		}
		throw Error(invalidArgument + v);
	}
	Decimal.prototype = P;
	Decimal.ROUND_UP = 0;
	Decimal.ROUND_DOWN = 1;
	Decimal.ROUND_CEIL = 2;
	Decimal.ROUND_FLOOR = 3;
	Decimal.ROUND_HALF_UP = 4;
	Decimal.ROUND_HALF_DOWN = 5;
	Decimal.ROUND_HALF_EVEN = 6;
	Decimal.ROUND_HALF_CEIL = 7;
	Decimal.ROUND_HALF_FLOOR = 8;
	Decimal.EUCLID = 9;
	Decimal.config = Decimal.set = config;
	Decimal.clone = clone;
	Decimal.isDecimal = isDecimalInstance;
	Decimal.abs = abs;
	Decimal.acos = acos;
	Decimal.acosh = acosh;
	Decimal.add = add;
	Decimal.asin = asin;
	Decimal.asinh = asinh;
	Decimal.atan = atan;
	Decimal.atanh = atanh;
	Decimal.atan2 = atan2;
	Decimal.cbrt = cbrt;
	Decimal.ceil = ceil;
	Decimal.clamp = clamp;
	Decimal.cos = cos;
	Decimal.cosh = cosh;
	Decimal.div = div;
	Decimal.exp = exp;
	Decimal.floor = floor;
	Decimal.hypot = hypot;
	Decimal.ln = ln;
	Decimal.log = log;
	Decimal.log10 = log10;
	Decimal.log2 = log2;
	Decimal.max = max;
	Decimal.min = min;
	Decimal.mod = mod;
	Decimal.mul = mul;
	Decimal.pow = pow;
	Decimal.random = random;
	Decimal.round = round$1;
	Decimal.sign = sign;
	Decimal.sin = sin;
	Decimal.sinh = sinh;
	Decimal.sqrt = sqrt;
	Decimal.sub = sub;
	Decimal.sum = sum$1;
	Decimal.tan = tan;
	Decimal.tanh = tanh;
	Decimal.trunc = trunc;
	if (obj === void 0) obj = {};
	if (obj) {
		if (obj.defaults !== true) {
			ps = [
				"precision",
				"rounding",
				"toExpNeg",
				"toExpPos",
				"maxE",
				"minE",
				"modulo",
				"crypto"
			];
			for (i = 0; i < ps.length;) if (!obj.hasOwnProperty(p = ps[i++])) obj[p] = this[p];
		}
	}
	Decimal.config(obj);
	return Decimal;
}
function div(x, y) {
	return new this(x).div(y);
}
function exp(x) {
	return new this(x).exp();
}
function floor(x) {
	return finalise(x = new this(x), x.e + 1, 3);
}
function hypot() {
	var i, n, t = new this(0);
	external = false;
	for (i = 0; i < arguments.length;) {
		n = new this(arguments[i++]);
		if (!n.d) {
			if (n.s) {
				external = true;
				return new this(1 / 0);
			}
			t = n;
		} else if (t.d) t = t.plus(n.times(n));
	}
	external = true;
	return t.sqrt();
}
function isDecimalInstance(obj) {
	return obj instanceof Decimal || obj && obj.toStringTag === tag || false;
}
function ln(x) {
	return new this(x).ln();
}
function log(x, y) {
	return new this(x).log(y);
}
function log2(x) {
	return new this(x).log(2);
}
function log10(x) {
	return new this(x).log(10);
}
function max() {
	return maxOrMin(this, arguments, -1);
}
function min() {
	return maxOrMin(this, arguments, 1);
}
function mod(x, y) {
	return new this(x).mod(y);
}
function mul(x, y) {
	return new this(x).mul(y);
}
function pow(x, y) {
	return new this(x).pow(y);
}
function random(sd) {
	var d, e, k, n, i = 0, r = new this(1), rd = [];
	if (sd === void 0) sd = this.precision;
	else checkInt32(sd, 1, MAX_DIGITS);
	k = Math.ceil(sd / LOG_BASE);
	if (!this.crypto) for (; i < k;) rd[i++] = Math.random() * 1e7 | 0;
	else if (crypto.getRandomValues) {
		d = crypto.getRandomValues(new Uint32Array(k));
		for (; i < k;) {
			n = d[i];
			if (n >= 429e7) d[i] = crypto.getRandomValues(/* @__PURE__ */ new Uint32Array(1))[0];
			else rd[i++] = n % 1e7;
		}
	} else if (crypto.randomBytes) {
		d = crypto.randomBytes(k *= 4);
		for (; i < k;) {
			n = d[i] + (d[i + 1] << 8) + (d[i + 2] << 16) + ((d[i + 3] & 127) << 24);
			if (n >= 214e7) crypto.randomBytes(4).copy(d, i);
			else {
				rd.push(n % 1e7);
				i += 4;
			}
		}
		i = k / 4;
	} else throw Error(cryptoUnavailable);
	k = rd[--i];
	sd %= LOG_BASE;
	if (k && sd) {
		n = mathpow(10, LOG_BASE - sd);
		rd[i] = (k / n | 0) * n;
	}
	for (; rd[i] === 0; i--) rd.pop();
	if (i < 0) {
		e = 0;
		rd = [0];
	} else {
		e = -1;
		for (; rd[0] === 0; e -= LOG_BASE) rd.shift();
		for (k = 1, n = rd[0]; n >= 10; n /= 10) k++;
		if (k < LOG_BASE) e -= LOG_BASE - k;
	}
	r.e = e;
	r.d = rd;
	return r;
}
function round$1(x) {
	return finalise(x = new this(x), x.e + 1, this.rounding);
}
function sign(x) {
	x = new this(x);
	return x.d ? x.d[0] ? x.s : 0 * x.s : x.s || NaN;
}
function sin(x) {
	return new this(x).sin();
}
function sinh(x) {
	return new this(x).sinh();
}
function sqrt(x) {
	return new this(x).sqrt();
}
function sub(x, y) {
	return new this(x).sub(y);
}
function sum$1() {
	var i = 0, args = arguments, x = new this(args[i]);
	external = false;
	for (; x.s && ++i < args.length;) x = x.plus(args[i]);
	external = true;
	return finalise(x, this.precision, this.rounding);
}
function tan(x) {
	return new this(x).tan();
}
function tanh(x) {
	return new this(x).tanh();
}
function trunc(x) {
	return finalise(x = new this(x), x.e + 1, 1);
}
P[Symbol.for("nodejs.util.inspect.custom")] = P.toString;
P[Symbol.toStringTag] = "Decimal";
var Decimal = P.constructor = clone(DEFAULTS);
LN10 = new Decimal(LN10);
PI = new Decimal(PI);
// shared/src/money.ts
/** A private Decimal constructor so no global configuration elsewhere can change our rounding. */
var Dec = Decimal.clone({
	precision: 40,
	rounding: Decimal.ROUND_HALF_UP
});
var DECIMAL_PATTERN = /^-?\d+(\.\d+)?$/;
var MoneyError = class extends Error {
	name = "MoneyError";
};
/** True when `value` is a plain decimal string such as "12", "-3.50" (no exponent, no spaces). */
function isDecimalString(value) {
	return typeof value === "string" && DECIMAL_PATTERN.test(value);
}
/** Parses a decimal string; throws on numbers, NaN, exponents or anything else unsafe. */
function dec(value) {
	if (value instanceof Decimal) return value;
	if (!isDecimalString(value)) throw new MoneyError(`not a decimal string: ${JSON.stringify(value)}`);
	return new Dec(value);
}
function decimalRounding(mode) {
	return mode === "half-even" ? Decimal.ROUND_HALF_EVEN : Decimal.ROUND_HALF_UP;
}
/** Rounds to `decimals` places (2 for cents) with an explicit rule. */
function round(value, decimals, mode) {
	return value.toDecimalPlaces(decimals, decimalRounding(mode));
}
/** Formats for storage: fixed places, "-0.00" normalised to "0.00". */
function toFixedString(value, decimals) {
	const text = value.toFixed(decimals);
	return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}
/** A quantity in its shortest exact form: "3", "0.125", "-2". */
function toQuantityString(value) {
	const text = value.toFixed();
	return text === "-0" ? "0" : text;
}
function sum(values) {
	let total = new Dec(0);
	for (const value of values) total = total.plus(dec(value));
	return total;
}
/** For display only: "1,234.50" style grouping with the currency's places. */
function formatAmount(value, decimals = 2) {
	const [whole, fraction] = toFixedString(dec(value), decimals).split(".");
	const negative = whole.startsWith("-");
	const grouped = (negative ? whole.slice(1) : whole).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
	return `${negative ? "-" : ""}${grouped}${fraction ? `.${fraction}` : ""}`;
}
// shared/src/pricing.ts
var PricingError = class extends Error {
	name = "PricingError";
};
/** Splits an unrounded amount at one tax rate into rounded net, tax and gross that add up. */
function splitAmount(amount, ratePercent, rules) {
	const places = rules.currencyDecimals;
	const rate = ratePercent.div(100);
	if (rules.pricesIncludeTax) {
		const gross = round(amount, places, rules.roundingMode);
		const tax = round(gross.mul(rate).div(rate.plus(1)), places, rules.roundingMode);
		return {
			gross,
			tax,
			net: gross.minus(tax)
		};
	}
	const net = round(amount, places, rules.roundingMode);
	const tax = round(net.mul(rate), places, rules.roundingMode);
	return {
		net,
		tax,
		gross: net.plus(tax)
	};
}
function fixed(split, places) {
	return {
		net: toFixedString(split.net, places),
		tax: toFixedString(split.tax, places),
		gross: toFixedString(split.gross, places)
	};
}
/**
* Prices a cart. Every line's shelf amount (quantity x price) is rounded to the minor unit, and the
* total to pay is always the sum of the lines as printed. With `taxRounding: 'line'` the tax of every
* line is rounded and the breakdown is the sum of its lines; with `'document'` the tax is computed
* once per rate on the sum of that rate's lines, so only the split between net and tax can differ
* from the sum of the lines' own splits, by a minor unit or so.
*/
function priceCart(inputs, rules) {
	const places = rules.currencyDecimals;
	const groups = /* @__PURE__ */ new Map();
	const lines = inputs.map((input) => {
		const quantity = dec(input.quantity);
		const unitPrice = dec(input.unitPrice);
		const rate = dec(input.taxRatePercent);
		if (rate.isNegative()) throw new PricingError(`negative tax rate on ${input.productId}`);
		const split = splitAmount(quantity.mul(unitPrice), rate, rules);
		const key = `${input.taxClassId}|${rate.toFixed()}`;
		const group = groups.get(key) ?? {
			taxClassId: input.taxClassId,
			rate,
			amount: new Dec(0),
			line: {
				net: new Dec(0),
				tax: new Dec(0),
				gross: new Dec(0)
			}
		};
		group.amount = group.amount.plus(rules.pricesIncludeTax ? split.gross : split.net);
		group.line = {
			net: group.line.net.plus(split.net),
			tax: group.line.tax.plus(split.tax),
			gross: group.line.gross.plus(split.gross)
		};
		groups.set(key, group);
		return {
			...input,
			...fixed(split, places)
		};
	});
	const taxes = [];
	let totals = {
		net: new Dec(0),
		tax: new Dec(0),
		gross: new Dec(0)
	};
	for (const group of groups.values()) {
		const split = rules.taxRounding === "document" ? splitAmount(group.amount, group.rate, rules) : group.line;
		taxes.push({
			taxClassId: group.taxClassId,
			taxRatePercent: group.rate.toFixed(),
			...fixed(split, places)
		});
		totals = {
			net: totals.net.plus(split.net),
			tax: totals.tax.plus(split.tax),
			gross: totals.gross.plus(split.gross)
		};
	}
	taxes.sort((a, b) => dec(a.taxRatePercent).comparedTo(dec(b.taxRatePercent)));
	return {
		lines,
		taxes,
		totals: fixed(totals, places)
	};
}
/** Change due on a cash payment; refuses a tender that does not cover the total. */
function cashChange(total, tendered, currencyDecimals = 2) {
	const change = dec(tendered).minus(dec(total));
	if (change.isNegative()) throw new PricingError(`tendered ${tendered} does not cover ${total}`);
	return toFixedString(change, currencyDecimals);
}
// shared/src/stock.ts
/** Sums a document's lines into one movement per product, in first-seen order. */
function movementsOf(lines, sign) {
	const totals = /* @__PURE__ */ new Map();
	for (const line of lines) totals.set(line.productId, (totals.get(line.productId) ?? new Dec(0)).plus(dec(line.quantity).mul(sign)));
	return [...totals].map(([productId, quantity]) => ({
		productId,
		quantity: toQuantityString(quantity)
	}));
}
/**
* The till's view of one product: the server's level plus this till's own documents that the level
* does not include yet. Offline, the figure moves with every sale at once; once the server has applied
* a document, its level includes it and the document stops being added, so nothing is counted twice.
*/
function projectedQuantity(productId, level, ownDocuments, tillId) {
	let quantity = level ? dec(level.quantity) : new Dec(0);
	const appliedUpTo = level?.applied[tillId] ?? 0;
	for (const document of ownDocuments) {
		if (document.tillId !== tillId || document.number <= appliedUpTo) continue;
		for (const movement of document.stockMovements) if (movement.productId === productId) quantity = quantity.plus(dec(movement.quantity));
	}
	return quantity;
}
// shared/src/sale.ts
/** "S1-T2-000042": unique across the chain without asking the server, so tills can number offline. */
function receiptNumber(storeCode, tillCode, number) {
	return `${storeCode}-${tillCode}-${String(number).padStart(6, "0")}`;
}
function cartLineInputs(items) {
	return items.map((item) => ({
		productId: item.product.id,
		quantity: item.quantity,
		unitPrice: item.product.price,
		taxClassId: item.product.taxClass,
		taxRatePercent: item.taxRatePercent
	}));
}
function priceItems(items, rules) {
	return priceCart(cartLineInputs(items), rules);
}
/** Builds the one document that records a cash sale: lines, taxes, payment and stock effect. */
function buildCashSale(items, tendered, context) {
	if (items.length === 0) throw new PricingError("a sale needs at least one line");
	for (const item of items) if (dec(item.quantity).lte(0)) throw new PricingError(`quantity of ${item.product.name} must be more than zero`);
	const rules = context.store.pricing;
	const priced = priceItems(items, rules);
	const change = cashChange(priced.totals.gross, tendered, rules.currencyDecimals);
	const lines = priced.lines.map((line, index) => ({
		productId: line.productId,
		sku: items[index].product.sku,
		name: items[index].product.name,
		unit: items[index].product.unit,
		quantity: line.quantity,
		unitPrice: line.unitPrice,
		taxClassId: line.taxClassId,
		taxRatePercent: line.taxRatePercent,
		net: line.net,
		tax: line.tax,
		gross: line.gross
	}));
	return {
		id: context.id,
		storeId: context.store.id,
		tillId: context.till.id,
		number: context.number,
		receiptNumber: receiptNumber(context.store.code, context.till.code, context.number),
		cashierId: context.cashier.id,
		cashierName: context.cashier.name,
		completedAt: context.completedAt,
		currency: context.store.currency,
		pricing: { ...rules },
		lines,
		taxes: priced.taxes,
		totals: priced.totals,
		payments: [{
			tender: "cash",
			amount: priced.totals.gross,
			tendered: toFixedString(dec(tendered), rules.currencyDecimals),
			change
		}],
		stockMovements: movementsOf(lines, -1)
	};
}
/**
* The arithmetic a sale must satisfy whoever made it: lines, taxes and totals recomputed from its own
* quantities, prices and rules; payments cover the total; the stock effect matches the lines.
* Returns the problems found, empty when the sale adds up.
*/
function checkSaleArithmetic(sale) {
	const problems = [];
	const nonPositive = sale.lines.findIndex((line) => isDecimalString(line.quantity) && dec(line.quantity).lte(0));
	if (nonPositive >= 0) return [`line ${nonPositive + 1}: quantity must be positive`];
	let priced;
	try {
		priced = priceCart(sale.lines.map((line) => ({
			productId: line.productId,
			quantity: line.quantity,
			unitPrice: line.unitPrice,
			taxClassId: line.taxClassId,
			taxRatePercent: line.taxRatePercent
		})), sale.pricing);
	} catch (error) {
		return [`lines cannot be priced: ${error.message}`];
	}
	sale.lines.forEach((line, index) => {
		const expected = priced.lines[index];
		for (const field of [
			"net",
			"tax",
			"gross"
		]) if (!dec(line[field]).eq(dec(expected[field]))) problems.push(`line ${index + 1}: ${field} is ${line[field]}, expected ${expected[field]}`);
	});
	for (const field of [
		"net",
		"tax",
		"gross"
	]) if (!dec(sale.totals[field]).eq(dec(priced.totals[field]))) problems.push(`totals.${field} is ${sale.totals[field]}, expected ${priced.totals[field]}`);
	const expectedTaxes = new Map(priced.taxes.map((tax) => [`${tax.taxClassId}|${dec(tax.taxRatePercent).toFixed()}`, tax]));
	if (sale.taxes.length !== expectedTaxes.size) problems.push(`taxes has ${sale.taxes.length} rows, expected ${expectedTaxes.size}`);
	for (const tax of sale.taxes) {
		const expected = expectedTaxes.get(`${tax.taxClassId}|${dec(tax.taxRatePercent).toFixed()}`);
		if (!expected) {
			problems.push(`taxes: no line is taxed as ${tax.taxClassId} at ${tax.taxRatePercent}%`);
			continue;
		}
		for (const field of [
			"net",
			"tax",
			"gross"
		]) if (!dec(tax[field]).eq(dec(expected[field]))) problems.push(`taxes ${tax.taxClassId} ${tax.taxRatePercent}%: ${field} is ${tax[field]}, expected ${expected[field]}`);
	}
	const paid = sum(sale.payments.map((payment) => payment.amount));
	if (!paid.eq(dec(sale.totals.gross))) problems.push(`payments add up to ${paid.toFixed()}, total is ${sale.totals.gross}`);
	for (const payment of sale.payments) {
		if (dec(payment.amount).isNegative()) problems.push(`a payment of ${payment.amount} is negative`);
		if (dec(payment.tendered).lt(dec(payment.amount))) problems.push(`tendered ${payment.tendered} does not cover ${payment.amount}`);
		if (!dec(payment.tendered).minus(dec(payment.amount)).eq(dec(payment.change))) problems.push(`change ${payment.change} does not match tendered ${payment.tendered} for ${payment.amount}`);
	}
	const expectedMovements = movementsOf(sale.lines, -1);
	const given = new Map(sale.stockMovements.map((movement) => [movement.productId, dec(movement.quantity)]));
	if (!(given.size === sale.stockMovements.length && expectedMovements.length === given.size && expectedMovements.every((movement) => given.get(movement.productId)?.eq(dec(movement.quantity))))) problems.push("stockMovements do not match the lines");
	return problems;
}
// shared/src/schemas/common.ts
/** A decimal string in JSON Schema: "12", "-3.50". Never a number, never an exponent. */
var decimalString = {
	type: "string",
	pattern: "^-?\\d+(\\.\\d+)?$",
	maxLength: 40
};
/** An identifier made where the event happens (UUID on the till) or by head office. */
var identifier = {
	type: "string",
	minLength: 1,
	maxLength: 64
};
/** An ISO-8601 timestamp string. Informational only: ordering never relies on a device clock. */
var timestamp = {
	type: "string",
	minLength: 20,
	maxLength: 40
};
// shared/src/schemas/product.schema.ts
/** A product with its price, cost, unit and tax class. Master data: head office is its one source. */
var productSchema = {
	title: "product",
	description: "A sellable product",
	version: 0,
	primaryKey: "id",
	type: "object",
	properties: {
		id: identifier,
		sku: {
			type: "string",
			minLength: 1,
			maxLength: 64
		},
		name: {
			type: "string",
			minLength: 1,
			maxLength: 200
		},
		/** EAN-13 (or other) barcodes printed on the product; looked up from an in-memory map. */
		barcodes: {
			type: "array",
			items: {
				type: "string",
				minLength: 1,
				maxLength: 32
			},
			maxItems: 16
		},
		unit: {
			type: "string",
			enum: ["piece", "kg"]
		},
		/** Code of a tax class of the selling store, e.g. "standard". */
		taxClass: {
			type: "string",
			minLength: 1,
			maxLength: 32
		},
		/** Shelf price per unit; includes tax or not as the store's pricing rules say. */
		price: decimalString,
		/** Purchase cost per unit, excluding tax. */
		cost: decimalString,
		active: { type: "boolean" },
		updatedAt: timestamp
	},
	required: [
		"id",
		"sku",
		"name",
		"barcodes",
		"unit",
		"taxClass",
		"price",
		"cost",
		"active",
		"updatedAt"
	],
	additionalProperties: false,
	indexes: ["sku"]
};
// shared/src/schemas/sale.schema.ts
var amounts = {
	net: decimalString,
	tax: decimalString,
	gross: decimalString
};
/**
* A completed sale: lines, taxes, payments and its stock effect in one immutable document, written in
* one insert at the till. A correction is a new document, never an edit.
*/
var saleSchema = {
	title: "sale",
	description: "A completed sale at a till",
	version: 0,
	primaryKey: "id",
	type: "object",
	properties: {
		/** Made on the till (UUID): a sale pushed twice is stored once. */
		id: identifier,
		storeId: identifier,
		tillId: identifier,
		/** Gapless per till, starting at 1. */
		number: {
			type: "integer",
			minimum: 1,
			maximum: 999999999,
			multipleOf: 1
		},
		/** Printed on the receipt: store code, till code, number. */
		receiptNumber: {
			type: "string",
			minLength: 1,
			maxLength: 64
		},
		cashierId: identifier,
		cashierName: {
			type: "string",
			minLength: 1,
			maxLength: 100
		},
		/** The till's clock when the sale completed. Shown, never used for ordering. */
		completedAt: timestamp,
		currency: {
			type: "string",
			minLength: 3,
			maxLength: 3
		},
		pricing: {
			type: "object",
			properties: {
				pricesIncludeTax: { type: "boolean" },
				taxRounding: {
					type: "string",
					enum: ["line", "document"]
				},
				roundingMode: {
					type: "string",
					enum: ["half-up", "half-even"]
				},
				currencyDecimals: {
					type: "integer",
					minimum: 0,
					maximum: 4
				}
			},
			required: [
				"pricesIncludeTax",
				"taxRounding",
				"roundingMode",
				"currencyDecimals"
			],
			additionalProperties: false
		},
		lines: {
			type: "array",
			minItems: 1,
			maxItems: 500,
			items: {
				type: "object",
				properties: {
					productId: identifier,
					sku: {
						type: "string",
						maxLength: 64
					},
					name: {
						type: "string",
						maxLength: 200
					},
					unit: {
						type: "string",
						enum: ["piece", "kg"]
					},
					quantity: decimalString,
					unitPrice: decimalString,
					taxClassId: {
						type: "string",
						maxLength: 32
					},
					taxRatePercent: decimalString,
					...amounts
				},
				required: [
					"productId",
					"sku",
					"name",
					"unit",
					"quantity",
					"unitPrice",
					"taxClassId",
					"taxRatePercent",
					"net",
					"tax",
					"gross"
				],
				additionalProperties: false
			}
		},
		taxes: {
			type: "array",
			maxItems: 50,
			items: {
				type: "object",
				properties: {
					taxClassId: {
						type: "string",
						maxLength: 32
					},
					taxRatePercent: decimalString,
					...amounts
				},
				required: [
					"taxClassId",
					"taxRatePercent",
					"net",
					"tax",
					"gross"
				],
				additionalProperties: false
			}
		},
		totals: {
			type: "object",
			properties: amounts,
			required: [
				"net",
				"tax",
				"gross"
			],
			additionalProperties: false
		},
		payments: {
			type: "array",
			minItems: 1,
			maxItems: 20,
			items: {
				type: "object",
				properties: {
					tender: {
						type: "string",
						enum: ["cash"]
					},
					amount: decimalString,
					tendered: decimalString,
					change: decimalString
				},
				required: [
					"tender",
					"amount",
					"tendered",
					"change"
				],
				additionalProperties: false
			}
		},
		/** The sale's effect on stock, one entry per product: negative quantities leave the shelf. */
		stockMovements: {
			type: "array",
			minItems: 1,
			maxItems: 500,
			items: {
				type: "object",
				properties: {
					productId: identifier,
					quantity: decimalString
				},
				required: ["productId", "quantity"],
				additionalProperties: false
			}
		}
	},
	required: [
		"id",
		"storeId",
		"tillId",
		"number",
		"receiptNumber",
		"cashierId",
		"cashierName",
		"completedAt",
		"currency",
		"pricing",
		"lines",
		"taxes",
		"totals",
		"payments",
		"stockMovements"
	],
	additionalProperties: false,
	indexes: ["number"]
};
// shared/src/schemas/stock-level.schema.ts
/**
* The server's projection of stock on hand for one product in one store. Written by the server only;
* tills read it and add their own documents it has not applied yet (see stock.ts).
*/
var stockLevelSchema = {
	title: "stockLevel",
	description: "Central stock on hand of a product in a store",
	version: 0,
	primaryKey: "id",
	type: "object",
	properties: {
		/** `${storeId}:${productId}` */
		id: identifier,
		storeId: identifier,
		productId: identifier,
		quantity: decimalString,
		/** Per till: the highest document number whose movements this quantity includes. */
		applied: {
			type: "object",
			additionalProperties: {
				type: "integer",
				minimum: 0
			}
		}
	},
	required: [
		"id",
		"storeId",
		"productId",
		"quantity",
		"applied"
	],
	additionalProperties: false
};
// shared/src/schemas/store.schema.ts
/** A shop. Master data: written by head office only. */
var storeSchema = {
	title: "store",
	description: "A shop with its pricing rules",
	version: 0,
	primaryKey: "id",
	type: "object",
	properties: {
		id: identifier,
		code: {
			type: "string",
			minLength: 1,
			maxLength: 16
		},
		name: {
			type: "string",
			minLength: 1,
			maxLength: 200
		},
		currency: {
			type: "string",
			minLength: 3,
			maxLength: 3
		},
		pricing: {
			type: "object",
			properties: {
				pricesIncludeTax: { type: "boolean" },
				taxRounding: {
					type: "string",
					enum: ["line", "document"]
				},
				roundingMode: {
					type: "string",
					enum: ["half-up", "half-even"]
				},
				currencyDecimals: {
					type: "integer",
					minimum: 0,
					maximum: 4
				}
			},
			required: [
				"pricesIncludeTax",
				"taxRounding",
				"roundingMode",
				"currencyDecimals"
			],
			additionalProperties: false
		},
		/** What a till does when a sale would take its own projected stock below zero. */
		negativeStock: {
			type: "string",
			enum: ["warn", "block"]
		}
	},
	required: [
		"id",
		"code",
		"name",
		"currency",
		"pricing",
		"negativeStock"
	],
	additionalProperties: false
};
// shared/src/schemas/tax-class.schema.ts
/** A tax class of a store ("standard", "reduced") with its rate. Master data. */
var taxClassSchema = {
	title: "taxClass",
	description: "A tax rate that products refer to by class code",
	version: 0,
	primaryKey: "id",
	type: "object",
	properties: {
		/** `${storeId}:${code}`: one rate per class and store. */
		id: identifier,
		storeId: identifier,
		code: {
			type: "string",
			minLength: 1,
			maxLength: 32
		},
		name: {
			type: "string",
			minLength: 1,
			maxLength: 100
		},
		ratePercent: decimalString
	},
	required: [
		"id",
		"storeId",
		"code",
		"name",
		"ratePercent"
	],
	additionalProperties: false
};
// shared/src/schemas/till.schema.ts
/** A registered till. Master data; `lastNumber` is kept by the server as it applies the till's sales. */
var tillSchema = {
	title: "till",
	description: "A registered till of a store",
	version: 0,
	primaryKey: "id",
	type: "object",
	properties: {
		id: identifier,
		storeId: identifier,
		code: {
			type: "string",
			minLength: 1,
			maxLength: 16
		},
		name: {
			type: "string",
			minLength: 1,
			maxLength: 100
		},
		/** Highest sale number of this till the server holds with no gap before it. */
		lastNumber: {
			type: "integer",
			minimum: 0
		}
	},
	required: [
		"id",
		"storeId",
		"code",
		"name",
		"lastNumber"
	],
	additionalProperties: false
};
// shared/src/schemas/index.ts
/** Every replicated collection with its schema: the one source of the data's shape. */
var collectionSchemas = {
	stores: storeSchema,
	taxClasses: taxClassSchema,
	products: productSchema,
	tills: tillSchema,
	stockLevels: stockLevelSchema,
	sales: saleSchema
};
/** Master data and projections flow from the server down; tills never write them. */
var DOWNSTREAM_COLLECTIONS = [
	"stores",
	"taxClasses",
	"products",
	"tills",
	"stockLevels"
];
var RXDB_ONLY_KEYWORDS = /* @__PURE__ */ new Set([
	"version",
	"primaryKey",
	"indexes",
	"keyCompression",
	"encrypted",
	"internalIndexes",
	"attachments"
]);
/**
* The schema as plain JSON Schema for the server's validator: RxDB's own keywords removed.
* RxDB-internal fields (`_deleted`, `_meta`, ...) are stripped from a document before validation.
*/
function toValidationSchema(schema) {
	return Object.fromEntries(Object.entries(schema).filter(([key]) => !RXDB_ONLY_KEYWORDS.has(key)));
}
// node_modules/@cfworker/json-schema/dist/esm/deep-compare-strict.js
function deepCompareStrict(a, b) {
	const typeofa = typeof a;
	if (typeofa !== typeof b) return false;
	const aIsArray = Array.isArray(a);
	if (aIsArray !== Array.isArray(b)) return false;
	if (aIsArray) {
		const length = a.length;
		if (length !== b.length) return false;
		for (let i = 0; i < length; i++) if (!deepCompareStrict(a[i], b[i])) return false;
		return true;
	}
	if (typeofa === "object") {
		if (!a || !b) return a === b;
		const aKeys = Object.keys(a);
		const bKeys = Object.keys(b);
		if (aKeys.length !== bKeys.length) return false;
		for (const k of aKeys) {
			if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
			if (!deepCompareStrict(a[k], b[k])) return false;
		}
		return true;
	}
	return a === b;
}
// node_modules/@cfworker/json-schema/dist/esm/pointer.js
function encodePointer(p) {
	return encodeURI(escapePointer(p)).replace(/#/g, "%23");
}
function escapePointer(p) {
	return p.replace(/~/g, "~0").replace(/\//g, "~1");
}
// node_modules/@cfworker/json-schema/dist/esm/dereference.js
var uriFragmentCharacter = /^[A-Za-z0-9._~!$&'()*+,;=:@/?-]$/;
var uriPercentEncoding = /^%[0-9A-Fa-f]{2}$/;
var uriUnreservedCharacter = /^[A-Za-z0-9._~-]$/;
function normalizeURIFragment(fragment) {
	let normalized = "";
	for (let index = 0; index < fragment.length;) {
		const character = fragment[index];
		const encoded = fragment.slice(index, index + 3);
		if (character === "%" && uriPercentEncoding.test(encoded)) {
			const decoded = String.fromCharCode(parseInt(encoded.slice(1), 16));
			normalized += uriUnreservedCharacter.test(decoded) ? decoded : encoded.toUpperCase();
			index += 3;
			continue;
		}
		const codePoint = String.fromCodePoint(fragment.codePointAt(index));
		normalized += uriFragmentCharacter.test(codePoint) ? codePoint : encodeURIComponent(codePoint);
		index += codePoint.length;
	}
	return normalized;
}
function resolveURI(reference, baseURI) {
	const url = new URL(reference, baseURI.href);
	url.hash = url.hash ? normalizeURIFragment(url.hash.slice(1)) : "";
	return url;
}
var schemaArrayKeyword = {
	prefixItems: true,
	items: true,
	allOf: true,
	anyOf: true,
	oneOf: true
};
var schemaMapKeyword = {
	$defs: true,
	definitions: true,
	properties: true,
	patternProperties: true,
	dependentSchemas: true
};
var ignoredKeyword = {
	id: true,
	$id: true,
	$ref: true,
	$schema: true,
	$anchor: true,
	$vocabulary: true,
	$comment: true,
	default: true,
	enum: true,
	const: true,
	required: true,
	dependentRequired: true,
	type: true,
	maximum: true,
	minimum: true,
	exclusiveMaximum: true,
	exclusiveMinimum: true,
	multipleOf: true,
	maxLength: true,
	minLength: true,
	pattern: true,
	format: true,
	maxItems: true,
	minItems: true,
	uniqueItems: true,
	maxProperties: true,
	minProperties: true
};
var initialBaseURI = typeof self !== "undefined" && self.location && self.location.origin !== "null" ? new URL(self.location.origin + self.location.pathname + location.search) : new URL("https://github.com/cfworker");
function dereference(schema, lookup = Object.create(null), baseURI = initialBaseURI, basePointer = "") {
	if (schema && typeof schema === "object" && !Array.isArray(schema)) {
		const id = schema.$id || schema["id"];
		if (id) {
			const url = resolveURI(id, baseURI);
			if (url.hash.length > 1) lookup[url.href] = schema;
			else {
				url.hash = "";
				if (basePointer === "") baseURI = url;
				else dereference(schema, lookup, baseURI);
			}
		}
	} else if (schema !== true && schema !== false) return lookup;
	const schemaURI = baseURI.href + (basePointer ? "#" + basePointer : "");
	if (lookup[schemaURI] !== void 0 && lookup[schemaURI] !== schema) throw new Error(`Duplicate schema URI "${schemaURI}".`);
	lookup[schemaURI] = schema;
	if (schema === true || schema === false) return lookup;
	if (schema.__absolute_uri__ === void 0) Object.defineProperty(schema, "__absolute_uri__", {
		enumerable: false,
		value: schemaURI
	});
	if (schema.$ref && schema.__absolute_ref__ === void 0) {
		const url = resolveURI(schema.$ref, baseURI);
		Object.defineProperty(schema, "__absolute_ref__", {
			enumerable: false,
			value: url.href
		});
	}
	if (schema.$recursiveRef && schema.__absolute_recursive_ref__ === void 0) {
		const url = resolveURI(schema.$recursiveRef, baseURI);
		Object.defineProperty(schema, "__absolute_recursive_ref__", {
			enumerable: false,
			value: url.href
		});
	}
	if (schema.$anchor) {
		const url = resolveURI("#" + schema.$anchor, baseURI);
		lookup[url.href] = schema;
	}
	for (let key in schema) {
		if (ignoredKeyword[key]) continue;
		const keyBase = `${basePointer}/${encodePointer(key)}`;
		const subSchema = schema[key];
		if (Array.isArray(subSchema)) {
			if (schemaArrayKeyword[key]) {
				const length = subSchema.length;
				for (let i = 0; i < length; i++) dereference(subSchema[i], lookup, baseURI, `${keyBase}/${i}`);
			}
		} else if (schemaMapKeyword[key]) for (let subKey in subSchema) dereference(subSchema[subKey], lookup, baseURI, `${keyBase}/${encodePointer(subKey)}`);
		else dereference(subSchema, lookup, baseURI, keyBase);
	}
	return lookup;
}
// node_modules/@cfworker/json-schema/dist/esm/format.js
var DATE = /^(\d\d\d\d)-(\d\d)-(\d\d)$/;
var DAYS = [
	0,
	31,
	28,
	31,
	30,
	31,
	30,
	31,
	31,
	30,
	31,
	30,
	31
];
var TIME = /^(\d\d):(\d\d):(\d\d)(\.\d+)?(z|([+-])(\d\d):(\d\d))?$/i;
var HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-0-9a-z]{0,61}[0-9a-z])?)*$/i;
var URIREF = /^(?:[a-z][a-z0-9+\-.]*:)?(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'"()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?(?:\?(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;
var URITEMPLATE = /^(?:(?:[^\x00-\x20\x7f"<>%\\^`{|}]|%[0-9a-f]{2})|\{[+#./;?&=,!@|]?(?:[a-z0-9_]|%[0-9a-f]{2})+(?:\.(?:[a-z0-9_]|%[0-9a-f]{2})+)*(?::[1-9][0-9]{0,3}|\*)?(?:,(?:[a-z0-9_]|%[0-9a-f]{2})+(?:\.(?:[a-z0-9_]|%[0-9a-f]{2})+)*(?::[1-9][0-9]{0,3}|\*)?)*\})*$/i;
var URL_ = /^(?:(?:https?|ftp):\/\/)(?:\S+(?::\S*)?@)?(?:(?!10(?:\.\d{1,3}){3})(?!127(?:\.\d{1,3}){3})(?!169\.254(?:\.\d{1,3}){2})(?!192\.168(?:\.\d{1,3}){2})(?!172\.(?:1[6-9]|2\d|3[0-1])(?:\.\d{1,3}){2})(?:[1-9]\d?|1\d\d|2[01]\d|22[0-3])(?:\.(?:1?\d{1,2}|2[0-4]\d|25[0-5])){2}(?:\.(?:[1-9]\d?|1\d\d|2[0-4]\d|25[0-4]))|(?:(?:[a-z\u{00a1}-\u{ffff}0-9]+-?)*[a-z\u{00a1}-\u{ffff}0-9]+)(?:\.(?:[a-z\u{00a1}-\u{ffff}0-9]+-?)*[a-z\u{00a1}-\u{ffff}0-9]+)*(?:\.(?:[a-z\u{00a1}-\u{ffff}]{2,})))(?::\d{2,5})?(?:\/[^\s]*)?$/iu;
var UUID = /^[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}$/i;
var JSON_POINTER = /^(?:\/(?:[^~/]|~0|~1)*)*$/;
var JSON_POINTER_URI_FRAGMENT = /^#(?:\/(?:[a-z0-9_\-.!$&'()*+,;:=@]|%[0-9a-f]{2}|~0|~1)*)*$/i;
var RELATIVE_JSON_POINTER = /^(?:0|[1-9][0-9]*)(?:#|(?:\/(?:[^~/]|~0|~1)*)*)$/;
var EMAIL_ADDRESS = /^("(?:[\x20-\x21\x23-\x5b\x5d-\x7e]|\\[\x20-\x7e])*"|[a-z0-9.!#$%&'*+/=?^_`{|}~-]+)@(.+)$/i;
var EMAIL = (input) => {
	const matches = input.match(EMAIL_ADDRESS);
	if (!matches) return false;
	const name = matches[1];
	const host = matches[2];
	if (!name || !host || name.length > 64 || host.length > 253) return false;
	if (name[0] !== "\"" && (name[0] === "." || name.endsWith(".") || name.includes(".."))) return false;
	if (host.startsWith("[") && host.endsWith("]")) {
		const address = host.slice(1, -1);
		if (/^ipv6:/i.test(address)) return IPV6.test(address.slice(5));
		return IPV4.test(address);
	}
	return HOSTNAME.test(host);
};
var IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)$/;
var IPV6 = /^((([0-9a-f]{1,4}:){7}([0-9a-f]{1,4}|:))|(([0-9a-f]{1,4}:){6}(:[0-9a-f]{1,4}|((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){5}(((:[0-9a-f]{1,4}){1,2})|:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){4}(((:[0-9a-f]{1,4}){1,3})|((:[0-9a-f]{1,4})?:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){3}(((:[0-9a-f]{1,4}){1,4})|((:[0-9a-f]{1,4}){0,2}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){2}(((:[0-9a-f]{1,4}){1,5})|((:[0-9a-f]{1,4}){0,3}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){1}(((:[0-9a-f]{1,4}){1,6})|((:[0-9a-f]{1,4}){0,4}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(:(((:[0-9a-f]{1,4}){1,7})|((:[0-9a-f]{1,4}){0,5}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:)))$/i;
var DURATION = (input) => /^P(?:\d+W|(?:(?:\d+Y(?:\d+M(?:\d+D)?)?|\d+M(?:\d+D)?|\d+D)(?:T(?:\d+H(?:\d+M(?:\d+S)?)?|\d+M(?:\d+S)?|\d+S))?|T(?:\d+H(?:\d+M(?:\d+S)?)?|\d+M(?:\d+S)?|\d+S)))$/.test(input);
function bind(r) {
	return r.test.bind(r);
}
var format = {
	date,
	time: time.bind(void 0, true),
	"date-time": date_time,
	duration: DURATION,
	uri,
	"uri-reference": bind(URIREF),
	"uri-template": bind(URITEMPLATE),
	url: bind(URL_),
	email: EMAIL,
	hostname: bind(HOSTNAME),
	ipv4: bind(IPV4),
	ipv6: bind(IPV6),
	regex,
	uuid: bind(UUID),
	"json-pointer": bind(JSON_POINTER),
	"json-pointer-uri-fragment": bind(JSON_POINTER_URI_FRAGMENT),
	"relative-json-pointer": bind(RELATIVE_JSON_POINTER)
};
function isLeapYear(year) {
	return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}
function date(str) {
	const matches = str.match(DATE);
	if (!matches) return false;
	const yearPart = matches[1];
	const monthPart = matches[2];
	const dayPart = matches[3];
	if (!yearPart || !monthPart || !dayPart) return false;
	const year = +yearPart;
	const month = +monthPart;
	const day = +dayPart;
	const maxDay = month == 2 && isLeapYear(year) ? 29 : DAYS[month];
	return month >= 1 && month <= 12 && day >= 1 && maxDay !== void 0 && day <= maxDay;
}
function time(full, str) {
	const matches = str.match(TIME);
	if (!matches) return false;
	const hourPart = matches[1];
	const minutePart = matches[2];
	const secondPart = matches[3];
	if (!hourPart || !minutePart || !secondPart) return false;
	const hour = +hourPart;
	const minute = +minutePart;
	const second = +secondPart;
	const timeZone = matches[5];
	const offsetSign = matches[6];
	const offsetHour = +(matches[7] ?? 0);
	const offsetMinute = +(matches[8] ?? 0);
	if (hour > 23 || minute > 59 || second > 60 || offsetHour > 23 || offsetMinute > 59 || full && timeZone === void 0) return false;
	if (second < 60) return true;
	const offsetDirection = offsetSign === "+" ? 1 : offsetSign === "-" ? -1 : 0;
	return (hour * 60 + minute - offsetDirection * (offsetHour * 60 + offsetMinute) + 1440) % 1440 === 1439;
}
var DATE_TIME_SEPARATOR = /t|\s/i;
function date_time(str) {
	const [datePart, timePart, extra] = str.split(DATE_TIME_SEPARATOR);
	return datePart !== void 0 && timePart !== void 0 && extra === void 0 && date(datePart) && time(true, timePart);
}
var NOT_URI_FRAGMENT = /\/|:/;
var URI_PATTERN = /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;
function uri(str) {
	return NOT_URI_FRAGMENT.test(str) && URI_PATTERN.test(str);
}
var Z_ANCHOR = /[^\\]\\Z/;
function regex(str) {
	if (Z_ANCHOR.test(str)) return false;
	try {
		new RegExp(str, "u");
		return true;
	} catch (e) {
		return false;
	}
}
// node_modules/@cfworker/json-schema/dist/esm/ucs2-length.js
function ucs2length(s) {
	let result = 0;
	let length = s.length;
	let index = 0;
	let charCode;
	while (index < length) {
		result++;
		charCode = s.charCodeAt(index++);
		if (charCode >= 55296 && charCode <= 56319 && index < length) {
			charCode = s.charCodeAt(index);
			if ((charCode & 64512) == 56320) index++;
		}
	}
	return result;
}
// node_modules/@cfworker/json-schema/dist/esm/validate.js
function hasOwnProperty(instance, key) {
	return Object.prototype.hasOwnProperty.call(instance, key);
}
function decimalInteger(value) {
	const coefficientAndExponent = Math.abs(value).toString().split("e");
	const coefficient = coefficientAndExponent[0];
	const exponent = coefficientAndExponent[1] ?? "0";
	const point = coefficient.indexOf(".");
	const fractionLength = point === -1 ? 0 : coefficient.length - point - 1;
	return [BigInt(coefficient.replace(".", "")), Number(exponent) - fractionLength];
}
function isMultipleOf(instance, divisor) {
	if (!Number.isFinite(instance) || !Number.isFinite(divisor) || divisor <= 0) return false;
	const [instanceCoefficient, instanceExponent] = decimalInteger(instance);
	const [divisorCoefficient, divisorExponent] = decimalInteger(divisor);
	const exponentDifference = instanceExponent - divisorExponent;
	if (exponentDifference >= 0) return instanceCoefficient * 10n ** BigInt(exponentDifference) % divisorCoefficient === 0n;
	return instanceCoefficient % (divisorCoefficient * 10n ** BigInt(-exponentDifference)) === 0n;
}
function validate(instance, schema, draft = "2019-09", lookup = dereference(schema), shortCircuit = true, recursiveAnchor = null, instanceLocation = "#", schemaLocation = "#", evaluated = Object.create(null)) {
	if (schema === true) return {
		valid: true,
		errors: []
	};
	if (schema === false) return {
		valid: false,
		errors: [{
			instanceLocation,
			keyword: "false",
			keywordLocation: instanceLocation,
			error: "False boolean schema."
		}]
	};
	const rawInstanceType = typeof instance;
	let instanceType;
	switch (rawInstanceType) {
		case "boolean":
		case "number":
		case "string":
			instanceType = rawInstanceType;
			break;
		case "object":
			if (instance === null) instanceType = "null";
			else if (Array.isArray(instance)) instanceType = "array";
			else instanceType = "object";
			break;
		default: throw new Error(`Instances of "${rawInstanceType}" type are not supported.`);
	}
	const { $ref, $recursiveRef, $recursiveAnchor, type: $type, const: $const, enum: $enum, required: $required, not: $not, anyOf: $anyOf, allOf: $allOf, oneOf: $oneOf, if: $if, then: $then, else: $else, format: $format, properties: $properties, patternProperties: $patternProperties, additionalProperties: $additionalProperties, unevaluatedProperties: $unevaluatedProperties, minProperties: $minProperties, maxProperties: $maxProperties, propertyNames: $propertyNames, dependentRequired: $dependentRequired, dependentSchemas: $dependentSchemas, dependencies: $dependencies, prefixItems: $prefixItems, items: $items, additionalItems: $additionalItems, unevaluatedItems: $unevaluatedItems, contains: $contains, minContains: $minContains, maxContains: $maxContains, minItems: $minItems, maxItems: $maxItems, uniqueItems: $uniqueItems, minimum: $minimum, maximum: $maximum, exclusiveMinimum: $exclusiveMinimum, exclusiveMaximum: $exclusiveMaximum, multipleOf: $multipleOf, minLength: $minLength, maxLength: $maxLength, pattern: $pattern, __absolute_ref__, __absolute_recursive_ref__ } = schema;
	const errors = [];
	if ($recursiveAnchor === true && recursiveAnchor === null) recursiveAnchor = schema;
	if ($recursiveRef === "#") {
		const refSchema = recursiveAnchor === null ? lookup[__absolute_recursive_ref__] : recursiveAnchor;
		const keywordLocation = `${schemaLocation}/$recursiveRef`;
		const result = validate(instance, recursiveAnchor === null ? schema : recursiveAnchor, draft, lookup, shortCircuit, refSchema, instanceLocation, keywordLocation, evaluated);
		if (!result.valid) errors.push({
			instanceLocation,
			keyword: "$recursiveRef",
			keywordLocation,
			error: "A subschema had errors."
		}, ...result.errors);
	}
	if ($ref !== void 0) {
		const refSchema = lookup[__absolute_ref__ || $ref];
		if (refSchema === void 0) {
			let message = `Unresolved $ref "${$ref}".`;
			if (__absolute_ref__ && __absolute_ref__ !== $ref) message += `  Absolute URI "${__absolute_ref__}".`;
			message += `\nKnown schemas:\n- ${Object.keys(lookup).join("\n- ")}`;
			throw new Error(message);
		}
		const keywordLocation = `${schemaLocation}/$ref`;
		const result = validate(instance, refSchema, draft, lookup, shortCircuit, recursiveAnchor, instanceLocation, keywordLocation, evaluated);
		if (!result.valid) errors.push({
			instanceLocation,
			keyword: "$ref",
			keywordLocation,
			error: "A subschema had errors."
		}, ...result.errors);
		if (draft === "4" || draft === "7") return {
			valid: errors.length === 0,
			errors
		};
	}
	if (Array.isArray($type)) {
		let length = $type.length;
		let valid = false;
		for (let i = 0; i < length; i++) if (instanceType === $type[i] || $type[i] === "integer" && instanceType === "number" && instance % 1 === 0 && instance === instance) {
			valid = true;
			break;
		}
		if (!valid) errors.push({
			instanceLocation,
			keyword: "type",
			keywordLocation: `${schemaLocation}/type`,
			error: `Instance type "${instanceType}" is invalid. Expected "${$type.join("\", \"")}".`
		});
	} else if ($type === "integer") {
		if (instanceType !== "number" || instance % 1 || instance !== instance) errors.push({
			instanceLocation,
			keyword: "type",
			keywordLocation: `${schemaLocation}/type`,
			error: `Instance type "${instanceType}" is invalid. Expected "${$type}".`
		});
	} else if ($type !== void 0 && instanceType !== $type) errors.push({
		instanceLocation,
		keyword: "type",
		keywordLocation: `${schemaLocation}/type`,
		error: `Instance type "${instanceType}" is invalid. Expected "${$type}".`
	});
	if ($const !== void 0) {
		if (instanceType === "object" || instanceType === "array") {
			if (!deepCompareStrict(instance, $const)) errors.push({
				instanceLocation,
				keyword: "const",
				keywordLocation: `${schemaLocation}/const`,
				error: `Instance does not match ${JSON.stringify($const)}.`
			});
		} else if (instance !== $const) errors.push({
			instanceLocation,
			keyword: "const",
			keywordLocation: `${schemaLocation}/const`,
			error: `Instance does not match ${JSON.stringify($const)}.`
		});
	}
	if ($enum !== void 0) {
		if (instanceType === "object" || instanceType === "array") {
			if (!$enum.some((value) => deepCompareStrict(instance, value))) errors.push({
				instanceLocation,
				keyword: "enum",
				keywordLocation: `${schemaLocation}/enum`,
				error: `Instance does not match any of ${JSON.stringify($enum)}.`
			});
		} else if (!$enum.some((value) => instance === value)) errors.push({
			instanceLocation,
			keyword: "enum",
			keywordLocation: `${schemaLocation}/enum`,
			error: `Instance does not match any of ${JSON.stringify($enum)}.`
		});
	}
	if ($not !== void 0) {
		const keywordLocation = `${schemaLocation}/not`;
		if (validate(instance, $not, draft, lookup, shortCircuit, recursiveAnchor, instanceLocation, keywordLocation).valid) errors.push({
			instanceLocation,
			keyword: "not",
			keywordLocation,
			error: "Instance matched \"not\" schema."
		});
	}
	let subEvaluateds = [];
	if ($anyOf !== void 0) {
		const keywordLocation = `${schemaLocation}/anyOf`;
		const errorsLength = errors.length;
		let anyValid = false;
		for (const [i, subSchema] of $anyOf.entries()) {
			const subEvaluated = Object.create(evaluated);
			const result = validate(instance, subSchema, draft, lookup, shortCircuit, $recursiveAnchor === true ? recursiveAnchor : null, instanceLocation, `${keywordLocation}/${i}`, subEvaluated);
			errors.push(...result.errors);
			anyValid = anyValid || result.valid;
			if (result.valid) subEvaluateds.push(subEvaluated);
		}
		if (anyValid) errors.length = errorsLength;
		else errors.splice(errorsLength, 0, {
			instanceLocation,
			keyword: "anyOf",
			keywordLocation,
			error: "Instance does not match any subschemas."
		});
	}
	if ($allOf !== void 0) {
		const keywordLocation = `${schemaLocation}/allOf`;
		const errorsLength = errors.length;
		let allValid = true;
		for (const [i, subSchema] of $allOf.entries()) {
			const subEvaluated = Object.create(evaluated);
			const result = validate(instance, subSchema, draft, lookup, shortCircuit, $recursiveAnchor === true ? recursiveAnchor : null, instanceLocation, `${keywordLocation}/${i}`, subEvaluated);
			errors.push(...result.errors);
			allValid = allValid && result.valid;
			if (result.valid) subEvaluateds.push(subEvaluated);
		}
		if (allValid) errors.length = errorsLength;
		else errors.splice(errorsLength, 0, {
			instanceLocation,
			keyword: "allOf",
			keywordLocation,
			error: `Instance does not match every subschema.`
		});
	}
	if ($oneOf !== void 0) {
		const keywordLocation = `${schemaLocation}/oneOf`;
		const errorsLength = errors.length;
		const matches = $oneOf.filter((subSchema, i) => {
			const subEvaluated = Object.create(evaluated);
			const result = validate(instance, subSchema, draft, lookup, shortCircuit, $recursiveAnchor === true ? recursiveAnchor : null, instanceLocation, `${keywordLocation}/${i}`, subEvaluated);
			errors.push(...result.errors);
			if (result.valid) subEvaluateds.push(subEvaluated);
			return result.valid;
		}).length;
		if (matches === 1) errors.length = errorsLength;
		else errors.splice(errorsLength, 0, {
			instanceLocation,
			keyword: "oneOf",
			keywordLocation,
			error: `Instance does not match exactly one subschema (${matches} matches).`
		});
	}
	if (instanceType === "object" || instanceType === "array") Object.assign(evaluated, ...subEvaluateds);
	if ($if !== void 0) {
		const keywordLocation = `${schemaLocation}/if`;
		const ifEvaluated = Object.create(null);
		if (validate(instance, $if, draft, lookup, shortCircuit, recursiveAnchor, instanceLocation, keywordLocation, ifEvaluated).valid) {
			Object.assign(evaluated, ifEvaluated);
			if ($then !== void 0) {
				const thenResult = validate(instance, $then, draft, lookup, shortCircuit, recursiveAnchor, instanceLocation, `${schemaLocation}/then`, evaluated);
				if (!thenResult.valid) errors.push({
					instanceLocation,
					keyword: "if",
					keywordLocation,
					error: `Instance does not match "then" schema.`
				}, ...thenResult.errors);
			}
		} else if ($else !== void 0) {
			const elseResult = validate(instance, $else, draft, lookup, shortCircuit, recursiveAnchor, instanceLocation, `${schemaLocation}/else`, evaluated);
			if (!elseResult.valid) errors.push({
				instanceLocation,
				keyword: "if",
				keywordLocation,
				error: `Instance does not match "else" schema.`
			}, ...elseResult.errors);
		}
	}
	if (instanceType === "object") {
		if ($required !== void 0) {
			for (const key of $required) if (!hasOwnProperty(instance, key)) errors.push({
				instanceLocation,
				keyword: "required",
				keywordLocation: `${schemaLocation}/required`,
				error: `Instance does not have required property "${key}".`
			});
		}
		const keys = Object.keys(instance);
		if ($minProperties !== void 0 && keys.length < $minProperties) errors.push({
			instanceLocation,
			keyword: "minProperties",
			keywordLocation: `${schemaLocation}/minProperties`,
			error: `Instance does not have at least ${$minProperties} properties.`
		});
		if ($maxProperties !== void 0 && keys.length > $maxProperties) errors.push({
			instanceLocation,
			keyword: "maxProperties",
			keywordLocation: `${schemaLocation}/maxProperties`,
			error: `Instance does not have at least ${$maxProperties} properties.`
		});
		if ($propertyNames !== void 0) {
			const keywordLocation = `${schemaLocation}/propertyNames`;
			for (const key in instance) {
				const subInstancePointer = `${instanceLocation}/${encodePointer(key)}`;
				const result = validate(key, $propertyNames, draft, lookup, shortCircuit, recursiveAnchor, subInstancePointer, keywordLocation);
				if (!result.valid) errors.push({
					instanceLocation,
					keyword: "propertyNames",
					keywordLocation,
					error: `Property name "${key}" does not match schema.`
				}, ...result.errors);
			}
		}
		if ($dependentRequired !== void 0) {
			const keywordLocation = `${schemaLocation}/dependantRequired`;
			for (const key in $dependentRequired) if (hasOwnProperty(instance, key)) {
				const required = $dependentRequired[key];
				for (const dependantKey of required) if (!hasOwnProperty(instance, dependantKey)) errors.push({
					instanceLocation,
					keyword: "dependentRequired",
					keywordLocation,
					error: `Instance has "${key}" but does not have "${dependantKey}".`
				});
			}
		}
		if ($dependentSchemas !== void 0) for (const [key, dependentSchema] of Object.entries($dependentSchemas)) {
			const keywordLocation = `${schemaLocation}/dependentSchemas`;
			if (hasOwnProperty(instance, key)) {
				const result = validate(instance, dependentSchema, draft, lookup, shortCircuit, recursiveAnchor, instanceLocation, `${keywordLocation}/${encodePointer(key)}`, evaluated);
				if (!result.valid) errors.push({
					instanceLocation,
					keyword: "dependentSchemas",
					keywordLocation,
					error: `Instance has "${key}" but does not match dependant schema.`
				}, ...result.errors);
			}
		}
		if ($dependencies !== void 0) {
			const keywordLocation = `${schemaLocation}/dependencies`;
			for (const key in $dependencies) if (hasOwnProperty(instance, key)) {
				const propsOrSchema = $dependencies[key];
				if (Array.isArray(propsOrSchema)) {
					for (const dependantKey of propsOrSchema) if (!hasOwnProperty(instance, dependantKey)) errors.push({
						instanceLocation,
						keyword: "dependencies",
						keywordLocation,
						error: `Instance has "${key}" but does not have "${dependantKey}".`
					});
				} else {
					const result = validate(instance, propsOrSchema, draft, lookup, shortCircuit, recursiveAnchor, instanceLocation, `${keywordLocation}/${encodePointer(key)}`);
					if (!result.valid) errors.push({
						instanceLocation,
						keyword: "dependencies",
						keywordLocation,
						error: `Instance has "${key}" but does not match dependant schema.`
					}, ...result.errors);
				}
			}
		}
		const thisEvaluated = Object.create(null);
		let stop = false;
		if ($properties !== void 0) {
			const keywordLocation = `${schemaLocation}/properties`;
			for (const [key, propertySchema] of Object.entries($properties)) {
				if (!hasOwnProperty(instance, key)) continue;
				const subInstancePointer = `${instanceLocation}/${encodePointer(key)}`;
				const result = validate(instance[key], propertySchema, draft, lookup, shortCircuit, recursiveAnchor, subInstancePointer, `${keywordLocation}/${encodePointer(key)}`);
				thisEvaluated[key] = true;
				if (result.valid) evaluated[key] = true;
				else {
					stop = shortCircuit;
					errors.push({
						instanceLocation,
						keyword: "properties",
						keywordLocation,
						error: `Property "${key}" does not match schema.`
					}, ...result.errors);
					if (stop) break;
				}
			}
		}
		if (!stop && $patternProperties !== void 0) {
			const keywordLocation = `${schemaLocation}/patternProperties`;
			for (const [pattern, subSchema] of Object.entries($patternProperties)) {
				const regex = new RegExp(pattern, "u");
				for (const key in instance) {
					if (!regex.test(key)) continue;
					const subInstancePointer = `${instanceLocation}/${encodePointer(key)}`;
					const result = validate(instance[key], subSchema, draft, lookup, shortCircuit, recursiveAnchor, subInstancePointer, `${keywordLocation}/${encodePointer(pattern)}`);
					thisEvaluated[key] = true;
					if (result.valid) evaluated[key] = true;
					else {
						stop = shortCircuit;
						errors.push({
							instanceLocation,
							keyword: "patternProperties",
							keywordLocation,
							error: `Property "${key}" matches pattern "${pattern}" but does not match associated schema.`
						}, ...result.errors);
					}
				}
			}
		}
		if (!stop && $additionalProperties !== void 0) {
			const keywordLocation = `${schemaLocation}/additionalProperties`;
			for (const key in instance) {
				if (thisEvaluated[key]) continue;
				const subInstancePointer = `${instanceLocation}/${encodePointer(key)}`;
				const result = validate(instance[key], $additionalProperties, draft, lookup, shortCircuit, recursiveAnchor, subInstancePointer, keywordLocation);
				if (result.valid) evaluated[key] = true;
				else {
					stop = shortCircuit;
					errors.push({
						instanceLocation,
						keyword: "additionalProperties",
						keywordLocation,
						error: `Property "${key}" does not match additional properties schema.`
					}, ...result.errors);
				}
			}
		} else if (!stop && $unevaluatedProperties !== void 0) {
			const keywordLocation = `${schemaLocation}/unevaluatedProperties`;
			for (const key in instance) if (!evaluated[key]) {
				const subInstancePointer = `${instanceLocation}/${encodePointer(key)}`;
				const result = validate(instance[key], $unevaluatedProperties, draft, lookup, shortCircuit, recursiveAnchor, subInstancePointer, keywordLocation);
				if (result.valid) evaluated[key] = true;
				else errors.push({
					instanceLocation,
					keyword: "unevaluatedProperties",
					keywordLocation,
					error: `Property "${key}" does not match unevaluated properties schema.`
				}, ...result.errors);
			}
		}
	} else if (instanceType === "array") {
		if ($maxItems !== void 0 && instance.length > $maxItems) errors.push({
			instanceLocation,
			keyword: "maxItems",
			keywordLocation: `${schemaLocation}/maxItems`,
			error: `Array has too many items (${instance.length} > ${$maxItems}).`
		});
		if ($minItems !== void 0 && instance.length < $minItems) errors.push({
			instanceLocation,
			keyword: "minItems",
			keywordLocation: `${schemaLocation}/minItems`,
			error: `Array has too few items (${instance.length} < ${$minItems}).`
		});
		const length = instance.length;
		let i = 0;
		let stop = false;
		if ($prefixItems !== void 0) {
			const keywordLocation = `${schemaLocation}/prefixItems`;
			const length2 = Math.min($prefixItems.length, length);
			for (; i < length2; i++) {
				const result = validate(instance[i], $prefixItems[i], draft, lookup, shortCircuit, recursiveAnchor, `${instanceLocation}/${i}`, `${keywordLocation}/${i}`);
				evaluated[i] = true;
				if (!result.valid) {
					stop = shortCircuit;
					errors.push({
						instanceLocation,
						keyword: "prefixItems",
						keywordLocation,
						error: `Items did not match schema.`
					}, ...result.errors);
					if (stop) break;
				}
			}
		}
		if ($items !== void 0) {
			const keywordLocation = `${schemaLocation}/items`;
			if (Array.isArray($items)) {
				const length2 = Math.min($items.length, length);
				for (; i < length2; i++) {
					const result = validate(instance[i], $items[i], draft, lookup, shortCircuit, recursiveAnchor, `${instanceLocation}/${i}`, `${keywordLocation}/${i}`);
					evaluated[i] = true;
					if (!result.valid) {
						stop = shortCircuit;
						errors.push({
							instanceLocation,
							keyword: "items",
							keywordLocation,
							error: `Items did not match schema.`
						}, ...result.errors);
						if (stop) break;
					}
				}
			} else for (; i < length; i++) {
				const result = validate(instance[i], $items, draft, lookup, shortCircuit, recursiveAnchor, `${instanceLocation}/${i}`, keywordLocation);
				evaluated[i] = true;
				if (!result.valid) {
					stop = shortCircuit;
					errors.push({
						instanceLocation,
						keyword: "items",
						keywordLocation,
						error: `Items did not match schema.`
					}, ...result.errors);
					if (stop) break;
				}
			}
			if (!stop && $additionalItems !== void 0) {
				const keywordLocation = `${schemaLocation}/additionalItems`;
				for (; i < length; i++) {
					const result = validate(instance[i], $additionalItems, draft, lookup, shortCircuit, recursiveAnchor, `${instanceLocation}/${i}`, keywordLocation);
					evaluated[i] = true;
					if (!result.valid) {
						stop = shortCircuit;
						errors.push({
							instanceLocation,
							keyword: "additionalItems",
							keywordLocation,
							error: `Items did not match additional items schema.`
						}, ...result.errors);
					}
				}
			}
		}
		if ($contains !== void 0) {
			if (length === 0 && $minContains === void 0) errors.push({
				instanceLocation,
				keyword: "contains",
				keywordLocation: `${schemaLocation}/contains`,
				error: `Array is empty. It must contain at least one item matching the schema.`
			});
			else if ($minContains !== void 0 && length < $minContains) errors.push({
				instanceLocation,
				keyword: "minContains",
				keywordLocation: `${schemaLocation}/minContains`,
				error: `Array has less items (${length}) than minContains (${$minContains}).`
			});
			else {
				const keywordLocation = `${schemaLocation}/contains`;
				const errorsLength = errors.length;
				let contained = 0;
				for (let j = 0; j < length; j++) {
					const result = validate(instance[j], $contains, draft, lookup, shortCircuit, recursiveAnchor, `${instanceLocation}/${j}`, keywordLocation);
					if (result.valid) {
						evaluated[j] = true;
						contained++;
					} else errors.push(...result.errors);
				}
				if (contained >= ($minContains || 0)) errors.length = errorsLength;
				if ($minContains === void 0 && contained === 0) errors.splice(errorsLength, 0, {
					instanceLocation,
					keyword: "contains",
					keywordLocation,
					error: `Array does not contain item matching schema.`
				});
				else if ($minContains !== void 0 && contained < $minContains) errors.push({
					instanceLocation,
					keyword: "minContains",
					keywordLocation: `${schemaLocation}/minContains`,
					error: `Array must contain at least ${$minContains} items matching schema. Only ${contained} items were found.`
				});
				else if ($maxContains !== void 0 && contained > $maxContains) errors.push({
					instanceLocation,
					keyword: "maxContains",
					keywordLocation: `${schemaLocation}/maxContains`,
					error: `Array may contain at most ${$maxContains} items matching schema. ${contained} items were found.`
				});
			}
		}
		if (!stop && $unevaluatedItems !== void 0) {
			const keywordLocation = `${schemaLocation}/unevaluatedItems`;
			for (; i < length; i++) {
				if (evaluated[i]) continue;
				const result = validate(instance[i], $unevaluatedItems, draft, lookup, shortCircuit, recursiveAnchor, `${instanceLocation}/${i}`, keywordLocation);
				evaluated[i] = true;
				if (!result.valid) errors.push({
					instanceLocation,
					keyword: "unevaluatedItems",
					keywordLocation,
					error: `Items did not match unevaluated items schema.`
				}, ...result.errors);
			}
		}
		if ($uniqueItems) for (let j = 0; j < length; j++) {
			const a = instance[j];
			const ao = typeof a === "object" && a !== null;
			for (let k = 0; k < length; k++) {
				if (j === k) continue;
				const b = instance[k];
				if (a === b || ao && typeof b === "object" && b !== null && deepCompareStrict(a, b)) {
					errors.push({
						instanceLocation,
						keyword: "uniqueItems",
						keywordLocation: `${schemaLocation}/uniqueItems`,
						error: `Duplicate items at indexes ${j} and ${k}.`
					});
					j = Number.MAX_SAFE_INTEGER;
					k = Number.MAX_SAFE_INTEGER;
				}
			}
		}
	} else if (instanceType === "number") {
		if (draft === "4") {
			if ($minimum !== void 0 && ($exclusiveMinimum === true && instance <= $minimum || instance < $minimum)) errors.push({
				instanceLocation,
				keyword: "minimum",
				keywordLocation: `${schemaLocation}/minimum`,
				error: `${instance} is less than ${$exclusiveMinimum ? "or equal to " : ""} ${$minimum}.`
			});
			if ($maximum !== void 0 && ($exclusiveMaximum === true && instance >= $maximum || instance > $maximum)) errors.push({
				instanceLocation,
				keyword: "maximum",
				keywordLocation: `${schemaLocation}/maximum`,
				error: `${instance} is greater than ${$exclusiveMaximum ? "or equal to " : ""} ${$maximum}.`
			});
		} else {
			if ($minimum !== void 0 && instance < $minimum) errors.push({
				instanceLocation,
				keyword: "minimum",
				keywordLocation: `${schemaLocation}/minimum`,
				error: `${instance} is less than ${$minimum}.`
			});
			if ($maximum !== void 0 && instance > $maximum) errors.push({
				instanceLocation,
				keyword: "maximum",
				keywordLocation: `${schemaLocation}/maximum`,
				error: `${instance} is greater than ${$maximum}.`
			});
			if ($exclusiveMinimum !== void 0 && instance <= $exclusiveMinimum) errors.push({
				instanceLocation,
				keyword: "exclusiveMinimum",
				keywordLocation: `${schemaLocation}/exclusiveMinimum`,
				error: `${instance} is less than ${$exclusiveMinimum}.`
			});
			if ($exclusiveMaximum !== void 0 && instance >= $exclusiveMaximum) errors.push({
				instanceLocation,
				keyword: "exclusiveMaximum",
				keywordLocation: `${schemaLocation}/exclusiveMaximum`,
				error: `${instance} is greater than or equal to ${$exclusiveMaximum}.`
			});
		}
		if ($multipleOf !== void 0) {
			if (!isMultipleOf(instance, $multipleOf)) errors.push({
				instanceLocation,
				keyword: "multipleOf",
				keywordLocation: `${schemaLocation}/multipleOf`,
				error: `${instance} is not a multiple of ${$multipleOf}.`
			});
		}
	} else if (instanceType === "string") {
		const length = $minLength === void 0 && $maxLength === void 0 ? 0 : ucs2length(instance);
		if ($minLength !== void 0 && length < $minLength) errors.push({
			instanceLocation,
			keyword: "minLength",
			keywordLocation: `${schemaLocation}/minLength`,
			error: `String is too short (${length} < ${$minLength}).`
		});
		if ($maxLength !== void 0 && length > $maxLength) errors.push({
			instanceLocation,
			keyword: "maxLength",
			keywordLocation: `${schemaLocation}/maxLength`,
			error: `String is too long (${length} > ${$maxLength}).`
		});
		if ($pattern !== void 0 && !new RegExp($pattern, "u").test(instance)) errors.push({
			instanceLocation,
			keyword: "pattern",
			keywordLocation: `${schemaLocation}/pattern`,
			error: `String does not match pattern.`
		});
		if ($format !== void 0 && format[$format] && !format[$format](instance)) errors.push({
			instanceLocation,
			keyword: "format",
			keywordLocation: `${schemaLocation}/format`,
			error: `String does not match format "${$format}".`
		});
	}
	return {
		valid: errors.length === 0,
		errors
	};
}
// node_modules/@cfworker/json-schema/dist/esm/validator.js
var Validator = class {
	schema;
	draft;
	shortCircuit;
	lookup;
	constructor(schema, draft = "2019-09", shortCircuit = true) {
		this.schema = schema;
		this.draft = draft;
		this.shortCircuit = shortCircuit;
		this.lookup = dereference(schema);
	}
	validate(instance) {
		return validate(instance, this.schema, this.draft, this.lookup, this.shortCircuit);
	}
	addSchema(schema, id) {
		if (id) schema = {
			...schema,
			$id: id
		};
		dereference(schema, this.lookup);
	}
};
// shared/src/validate.ts
var validators = /* @__PURE__ */ new Map();
function validatorFor(collection) {
	let validator = validators.get(collection);
	if (!validator) {
		validator = new Validator(toValidationSchema(collectionSchemas[collection]), "2020-12", false);
		validators.set(collection, validator);
	}
	return validator;
}
/** Wrapper errors ("property x does not match") only repeat the specific error beneath them. */
var WRAPPER_KEYWORDS = /* @__PURE__ */ new Set([
	"properties",
	"items",
	"prefixItems",
	"false",
	"allOf",
	"$ref"
]);
function describe(unit) {
	const where = unit.instanceLocation === "#" ? "document" : unit.instanceLocation.slice(2).replaceAll("/", ".");
	if (unit.keyword === "additionalProperties") return `${where}: unknown field "${/Property "([^"]+)"/.exec(unit.error)?.[1] ?? "?"}"`;
	if (unit.keyword === "required") return `${where}: missing field "${/property "([^"]+)"/.exec(unit.error)?.[1] ?? "?"}"`;
	if (unit.keyword === "pattern") return `${where}: must be a decimal string such as "12.50"`;
	return `${where}: ${unit.error}`;
}
/** Removes RxDB's bookkeeping fields (`_deleted`, `_meta`, `_rev`, `_attachments`). */
function withoutInternalFields(document) {
	return Object.fromEntries(Object.entries(document).filter(([key]) => !key.startsWith("_")));
}
/** Problems of a document against its collection's shared JSON schema; empty when it conforms. */
function schemaProblems(collection, document) {
	const result = validatorFor(collection).validate(document);
	if (result.valid) return [];
	return [...new Set(result.errors.filter((unit) => !WRAPPER_KEYWORDS.has(unit.keyword)).map(describe))];
}
/** Schema first, then the arithmetic every sale must satisfy, whoever made it. */
function saleProblems(document) {
	const problems = schemaProblems("sales", document);
	if (problems.length > 0) return problems;
	return checkSaleArithmetic(document);
}
// renderer/src/data/database.ts
/** Opens the till's database with one collection per shared schema. */
async function createTillDatabase(options) {
	const db = await createRxDatabase({
		name: options.name,
		storage: options.storage,
		multiInstance: false,
		eventReduce: true,
		closeDuplicates: true
	});
	await db.addCollections({
		stores: { schema: storeSchema },
		taxClasses: { schema: taxClassSchema },
		products: { schema: productSchema },
		tills: { schema: tillSchema },
		stockLevels: { schema: stockLevelSchema },
		sales: { schema: saleSchema }
	});
	return db;
}
export { __spreadArray as $, getWrittenDocumentsFromBulkWriteResponse as A, map as B, PROMISE_RESOLVED_TRUE as C, toArray as Ct, supportsWebLockAPI as D, sleep as E, runAsyncPluginHooks as F, BehaviorSubject as G, executeSchedule as H, runPluginHooks as I, Observable as J, Subject as K, distinctUntilChanged as L, stackCheckpoints as M, stripAttachmentsDataFromDocument as N, flatCloneDocWithMeta as O, HOOKS as P, __read as Q, filter as R, removeBroadcastChannelReference as S, batchArray as St, randomToken as T, popResultSelector as U, from as V, popScheduler as W, SafeSubscriber as X, identity as Y, createErrorClass as Z, addConnectedStorageToCollection as _, getHeightOfRevision as _t, buildCashSale as a, now$1 as at, getRxStorageDexie as b, overwritable as bt, cashChange as c, PROMISE_RESOLVE_FALSE as ct, isDecimalString as d, toPromise as dt, fillWithDefaultSettings as et, toQuantityString as f, getDefaultRevision as ft, basePrototype as g, createRevision as gt, RxQueryBase as h, flatClone as ht, DOWNSTREAM_COLLECTIONS as i, ensureNotFalsy as it, hasEncryption as j, getChangedDocumentsSince as k, dec as l, PROMISE_RESOLVE_TRUE as lt, RxCollectionBase as m, clone$1 as mt, saleProblems as n, getLengthOfPrimaryKey as nt, priceItems as o, errorToPlainJson as ot, RxDatabaseBase as p, getDefaultRxDocumentMeta as pt, createOperatorSubscriber as q, withoutInternalFields as r, getPrimaryFieldOfPrimaryKey as rt, projectedQuantity as s, getFromMapOrCreate as st, createTillDatabase as t, getComposedPrimaryKeyOfDocumentData as tt, formatAmount as u, PROMISE_RESOLVE_VOID as ut, removeConnectedStorageFromCollection as v, newRxError as vt, PROMISE_RESOLVED_VOID as w, Dexie as wt, getBroadcastChannelReference as x, arrayFilterNotEmpty as xt, RxSchema as y, newRxTypeError as yt, mergeMap as z };

//# sourceMappingURL=database-BvAQ1H-J.js.map