// The Wasm 2.0 opcode table (core spec §5.4, without SIMD): one constant and one mnemonic per
// instruction. It is data, kept in one file so the table reads as the spec lists it; the decoder and
// WAT round trips over every valid spec-suite module check the numbers and names.

package wasm

// Op is a Wasm opcode: the opcode byte, or 0xFC00|sub for the 0xFC-prefixed instructions.
type Op uint16

// Opcodes.
const (
	OpUnreachable       Op = 0x00   // unreachable
	OpNop               Op = 0x01   // nop
	OpBlock             Op = 0x02   // block
	OpLoop              Op = 0x03   // loop
	OpIf                Op = 0x04   // if
	OpElse              Op = 0x05   // else
	OpEnd               Op = 0x0B   // end
	OpBr                Op = 0x0C   // br
	OpBrIf              Op = 0x0D   // br_if
	OpBrTable           Op = 0x0E   // br_table
	OpReturn            Op = 0x0F   // return
	OpCall              Op = 0x10   // call
	OpCallIndirect      Op = 0x11   // call_indirect
	OpDrop              Op = 0x1A   // drop
	OpSelect            Op = 0x1B   // select
	OpSelectT           Op = 0x1C   // select_t
	OpLocalGet          Op = 0x20   // local.get
	OpLocalSet          Op = 0x21   // local.set
	OpLocalTee          Op = 0x22   // local.tee
	OpGlobalGet         Op = 0x23   // global.get
	OpGlobalSet         Op = 0x24   // global.set
	OpTableGet          Op = 0x25   // table.get
	OpTableSet          Op = 0x26   // table.set
	OpI32Load           Op = 0x28   // i32.load
	OpI64Load           Op = 0x29   // i64.load
	OpF32Load           Op = 0x2A   // f32.load
	OpF64Load           Op = 0x2B   // f64.load
	OpI32Load8S         Op = 0x2C   // i32.load8_s
	OpI32Load8U         Op = 0x2D   // i32.load8_u
	OpI32Load16S        Op = 0x2E   // i32.load16_s
	OpI32Load16U        Op = 0x2F   // i32.load16_u
	OpI64Load8S         Op = 0x30   // i64.load8_s
	OpI64Load8U         Op = 0x31   // i64.load8_u
	OpI64Load16S        Op = 0x32   // i64.load16_s
	OpI64Load16U        Op = 0x33   // i64.load16_u
	OpI64Load32S        Op = 0x34   // i64.load32_s
	OpI64Load32U        Op = 0x35   // i64.load32_u
	OpI32Store          Op = 0x36   // i32.store
	OpI64Store          Op = 0x37   // i64.store
	OpF32Store          Op = 0x38   // f32.store
	OpF64Store          Op = 0x39   // f64.store
	OpI32Store8         Op = 0x3A   // i32.store8
	OpI32Store16        Op = 0x3B   // i32.store16
	OpI64Store8         Op = 0x3C   // i64.store8
	OpI64Store16        Op = 0x3D   // i64.store16
	OpI64Store32        Op = 0x3E   // i64.store32
	OpMemorySize        Op = 0x3F   // memory.size
	OpMemoryGrow        Op = 0x40   // memory.grow
	OpI32Const          Op = 0x41   // i32.const
	OpI64Const          Op = 0x42   // i64.const
	OpF32Const          Op = 0x43   // f32.const
	OpF64Const          Op = 0x44   // f64.const
	OpI32Eqz            Op = 0x45   // i32.eqz
	OpI32Eq             Op = 0x46   // i32.eq
	OpI32Ne             Op = 0x47   // i32.ne
	OpI32LtS            Op = 0x48   // i32.lt_s
	OpI32LtU            Op = 0x49   // i32.lt_u
	OpI32GtS            Op = 0x4A   // i32.gt_s
	OpI32GtU            Op = 0x4B   // i32.gt_u
	OpI32LeS            Op = 0x4C   // i32.le_s
	OpI32LeU            Op = 0x4D   // i32.le_u
	OpI32GeS            Op = 0x4E   // i32.ge_s
	OpI32GeU            Op = 0x4F   // i32.ge_u
	OpI64Eqz            Op = 0x50   // i64.eqz
	OpI64Eq             Op = 0x51   // i64.eq
	OpI64Ne             Op = 0x52   // i64.ne
	OpI64LtS            Op = 0x53   // i64.lt_s
	OpI64LtU            Op = 0x54   // i64.lt_u
	OpI64GtS            Op = 0x55   // i64.gt_s
	OpI64GtU            Op = 0x56   // i64.gt_u
	OpI64LeS            Op = 0x57   // i64.le_s
	OpI64LeU            Op = 0x58   // i64.le_u
	OpI64GeS            Op = 0x59   // i64.ge_s
	OpI64GeU            Op = 0x5A   // i64.ge_u
	OpF32Eq             Op = 0x5B   // f32.eq
	OpF32Ne             Op = 0x5C   // f32.ne
	OpF32Lt             Op = 0x5D   // f32.lt
	OpF32Gt             Op = 0x5E   // f32.gt
	OpF32Le             Op = 0x5F   // f32.le
	OpF32Ge             Op = 0x60   // f32.ge
	OpF64Eq             Op = 0x61   // f64.eq
	OpF64Ne             Op = 0x62   // f64.ne
	OpF64Lt             Op = 0x63   // f64.lt
	OpF64Gt             Op = 0x64   // f64.gt
	OpF64Le             Op = 0x65   // f64.le
	OpF64Ge             Op = 0x66   // f64.ge
	OpI32Clz            Op = 0x67   // i32.clz
	OpI32Ctz            Op = 0x68   // i32.ctz
	OpI32Popcnt         Op = 0x69   // i32.popcnt
	OpI32Add            Op = 0x6A   // i32.add
	OpI32Sub            Op = 0x6B   // i32.sub
	OpI32Mul            Op = 0x6C   // i32.mul
	OpI32DivS           Op = 0x6D   // i32.div_s
	OpI32DivU           Op = 0x6E   // i32.div_u
	OpI32RemS           Op = 0x6F   // i32.rem_s
	OpI32RemU           Op = 0x70   // i32.rem_u
	OpI32And            Op = 0x71   // i32.and
	OpI32Or             Op = 0x72   // i32.or
	OpI32Xor            Op = 0x73   // i32.xor
	OpI32Shl            Op = 0x74   // i32.shl
	OpI32ShrS           Op = 0x75   // i32.shr_s
	OpI32ShrU           Op = 0x76   // i32.shr_u
	OpI32Rotl           Op = 0x77   // i32.rotl
	OpI32Rotr           Op = 0x78   // i32.rotr
	OpI64Clz            Op = 0x79   // i64.clz
	OpI64Ctz            Op = 0x7A   // i64.ctz
	OpI64Popcnt         Op = 0x7B   // i64.popcnt
	OpI64Add            Op = 0x7C   // i64.add
	OpI64Sub            Op = 0x7D   // i64.sub
	OpI64Mul            Op = 0x7E   // i64.mul
	OpI64DivS           Op = 0x7F   // i64.div_s
	OpI64DivU           Op = 0x80   // i64.div_u
	OpI64RemS           Op = 0x81   // i64.rem_s
	OpI64RemU           Op = 0x82   // i64.rem_u
	OpI64And            Op = 0x83   // i64.and
	OpI64Or             Op = 0x84   // i64.or
	OpI64Xor            Op = 0x85   // i64.xor
	OpI64Shl            Op = 0x86   // i64.shl
	OpI64ShrS           Op = 0x87   // i64.shr_s
	OpI64ShrU           Op = 0x88   // i64.shr_u
	OpI64Rotl           Op = 0x89   // i64.rotl
	OpI64Rotr           Op = 0x8A   // i64.rotr
	OpF32Abs            Op = 0x8B   // f32.abs
	OpF32Neg            Op = 0x8C   // f32.neg
	OpF32Ceil           Op = 0x8D   // f32.ceil
	OpF32Floor          Op = 0x8E   // f32.floor
	OpF32Trunc          Op = 0x8F   // f32.trunc
	OpF32Nearest        Op = 0x90   // f32.nearest
	OpF32Sqrt           Op = 0x91   // f32.sqrt
	OpF32Add            Op = 0x92   // f32.add
	OpF32Sub            Op = 0x93   // f32.sub
	OpF32Mul            Op = 0x94   // f32.mul
	OpF32Div            Op = 0x95   // f32.div
	OpF32Min            Op = 0x96   // f32.min
	OpF32Max            Op = 0x97   // f32.max
	OpF32Copysign       Op = 0x98   // f32.copysign
	OpF64Abs            Op = 0x99   // f64.abs
	OpF64Neg            Op = 0x9A   // f64.neg
	OpF64Ceil           Op = 0x9B   // f64.ceil
	OpF64Floor          Op = 0x9C   // f64.floor
	OpF64Trunc          Op = 0x9D   // f64.trunc
	OpF64Nearest        Op = 0x9E   // f64.nearest
	OpF64Sqrt           Op = 0x9F   // f64.sqrt
	OpF64Add            Op = 0xA0   // f64.add
	OpF64Sub            Op = 0xA1   // f64.sub
	OpF64Mul            Op = 0xA2   // f64.mul
	OpF64Div            Op = 0xA3   // f64.div
	OpF64Min            Op = 0xA4   // f64.min
	OpF64Max            Op = 0xA5   // f64.max
	OpF64Copysign       Op = 0xA6   // f64.copysign
	OpI32WrapI64        Op = 0xA7   // i32.wrap_i64
	OpI32TruncF32S      Op = 0xA8   // i32.trunc_f32_s
	OpI32TruncF32U      Op = 0xA9   // i32.trunc_f32_u
	OpI32TruncF64S      Op = 0xAA   // i32.trunc_f64_s
	OpI32TruncF64U      Op = 0xAB   // i32.trunc_f64_u
	OpI64ExtendI32S     Op = 0xAC   // i64.extend_i32_s
	OpI64ExtendI32U     Op = 0xAD   // i64.extend_i32_u
	OpI64TruncF32S      Op = 0xAE   // i64.trunc_f32_s
	OpI64TruncF32U      Op = 0xAF   // i64.trunc_f32_u
	OpI64TruncF64S      Op = 0xB0   // i64.trunc_f64_s
	OpI64TruncF64U      Op = 0xB1   // i64.trunc_f64_u
	OpF32ConvertI32S    Op = 0xB2   // f32.convert_i32_s
	OpF32ConvertI32U    Op = 0xB3   // f32.convert_i32_u
	OpF32ConvertI64S    Op = 0xB4   // f32.convert_i64_s
	OpF32ConvertI64U    Op = 0xB5   // f32.convert_i64_u
	OpF32DemoteF64      Op = 0xB6   // f32.demote_f64
	OpF64ConvertI32S    Op = 0xB7   // f64.convert_i32_s
	OpF64ConvertI32U    Op = 0xB8   // f64.convert_i32_u
	OpF64ConvertI64S    Op = 0xB9   // f64.convert_i64_s
	OpF64ConvertI64U    Op = 0xBA   // f64.convert_i64_u
	OpF64PromoteF32     Op = 0xBB   // f64.promote_f32
	OpI32ReinterpretF32 Op = 0xBC   // i32.reinterpret_f32
	OpI64ReinterpretF64 Op = 0xBD   // i64.reinterpret_f64
	OpF32ReinterpretI32 Op = 0xBE   // f32.reinterpret_i32
	OpF64ReinterpretI64 Op = 0xBF   // f64.reinterpret_i64
	OpI32Extend8S       Op = 0xC0   // i32.extend8_s
	OpI32Extend16S      Op = 0xC1   // i32.extend16_s
	OpI64Extend8S       Op = 0xC2   // i64.extend8_s
	OpI64Extend16S      Op = 0xC3   // i64.extend16_s
	OpI64Extend32S      Op = 0xC4   // i64.extend32_s
	OpRefNull           Op = 0xD0   // ref.null
	OpRefIsNull         Op = 0xD1   // ref.is_null
	OpRefFunc           Op = 0xD2   // ref.func
	OpI32TruncSatF32S   Op = 0xFC00 // i32.trunc_sat_f32_s
	OpI32TruncSatF32U   Op = 0xFC01 // i32.trunc_sat_f32_u
	OpI32TruncSatF64S   Op = 0xFC02 // i32.trunc_sat_f64_s
	OpI32TruncSatF64U   Op = 0xFC03 // i32.trunc_sat_f64_u
	OpI64TruncSatF32S   Op = 0xFC04 // i64.trunc_sat_f32_s
	OpI64TruncSatF32U   Op = 0xFC05 // i64.trunc_sat_f32_u
	OpI64TruncSatF64S   Op = 0xFC06 // i64.trunc_sat_f64_s
	OpI64TruncSatF64U   Op = 0xFC07 // i64.trunc_sat_f64_u
	OpMemoryInit        Op = 0xFC08 // memory.init
	OpDataDrop          Op = 0xFC09 // data.drop
	OpMemoryCopy        Op = 0xFC0A // memory.copy
	OpMemoryFill        Op = 0xFC0B // memory.fill
	OpTableInit         Op = 0xFC0C // table.init
	OpElemDrop          Op = 0xFC0D // elem.drop
	OpTableCopy         Op = 0xFC0E // table.copy
	OpTableGrow         Op = 0xFC0F // table.grow
	OpTableSize         Op = 0xFC10 // table.size
	OpTableFill         Op = 0xFC11 // table.fill
)

// opNames maps each opcode to its WAT mnemonic.
var opNames = map[Op]string{
	OpUnreachable:       "unreachable",
	OpNop:               "nop",
	OpBlock:             "block",
	OpLoop:              "loop",
	OpIf:                "if",
	OpElse:              "else",
	OpEnd:               "end",
	OpBr:                "br",
	OpBrIf:              "br_if",
	OpBrTable:           "br_table",
	OpReturn:            "return",
	OpCall:              "call",
	OpCallIndirect:      "call_indirect",
	OpDrop:              "drop",
	OpSelect:            "select",
	OpSelectT:           "select",
	OpLocalGet:          "local.get",
	OpLocalSet:          "local.set",
	OpLocalTee:          "local.tee",
	OpGlobalGet:         "global.get",
	OpGlobalSet:         "global.set",
	OpTableGet:          "table.get",
	OpTableSet:          "table.set",
	OpI32Load:           "i32.load",
	OpI64Load:           "i64.load",
	OpF32Load:           "f32.load",
	OpF64Load:           "f64.load",
	OpI32Load8S:         "i32.load8_s",
	OpI32Load8U:         "i32.load8_u",
	OpI32Load16S:        "i32.load16_s",
	OpI32Load16U:        "i32.load16_u",
	OpI64Load8S:         "i64.load8_s",
	OpI64Load8U:         "i64.load8_u",
	OpI64Load16S:        "i64.load16_s",
	OpI64Load16U:        "i64.load16_u",
	OpI64Load32S:        "i64.load32_s",
	OpI64Load32U:        "i64.load32_u",
	OpI32Store:          "i32.store",
	OpI64Store:          "i64.store",
	OpF32Store:          "f32.store",
	OpF64Store:          "f64.store",
	OpI32Store8:         "i32.store8",
	OpI32Store16:        "i32.store16",
	OpI64Store8:         "i64.store8",
	OpI64Store16:        "i64.store16",
	OpI64Store32:        "i64.store32",
	OpMemorySize:        "memory.size",
	OpMemoryGrow:        "memory.grow",
	OpI32Const:          "i32.const",
	OpI64Const:          "i64.const",
	OpF32Const:          "f32.const",
	OpF64Const:          "f64.const",
	OpI32Eqz:            "i32.eqz",
	OpI32Eq:             "i32.eq",
	OpI32Ne:             "i32.ne",
	OpI32LtS:            "i32.lt_s",
	OpI32LtU:            "i32.lt_u",
	OpI32GtS:            "i32.gt_s",
	OpI32GtU:            "i32.gt_u",
	OpI32LeS:            "i32.le_s",
	OpI32LeU:            "i32.le_u",
	OpI32GeS:            "i32.ge_s",
	OpI32GeU:            "i32.ge_u",
	OpI64Eqz:            "i64.eqz",
	OpI64Eq:             "i64.eq",
	OpI64Ne:             "i64.ne",
	OpI64LtS:            "i64.lt_s",
	OpI64LtU:            "i64.lt_u",
	OpI64GtS:            "i64.gt_s",
	OpI64GtU:            "i64.gt_u",
	OpI64LeS:            "i64.le_s",
	OpI64LeU:            "i64.le_u",
	OpI64GeS:            "i64.ge_s",
	OpI64GeU:            "i64.ge_u",
	OpF32Eq:             "f32.eq",
	OpF32Ne:             "f32.ne",
	OpF32Lt:             "f32.lt",
	OpF32Gt:             "f32.gt",
	OpF32Le:             "f32.le",
	OpF32Ge:             "f32.ge",
	OpF64Eq:             "f64.eq",
	OpF64Ne:             "f64.ne",
	OpF64Lt:             "f64.lt",
	OpF64Gt:             "f64.gt",
	OpF64Le:             "f64.le",
	OpF64Ge:             "f64.ge",
	OpI32Clz:            "i32.clz",
	OpI32Ctz:            "i32.ctz",
	OpI32Popcnt:         "i32.popcnt",
	OpI32Add:            "i32.add",
	OpI32Sub:            "i32.sub",
	OpI32Mul:            "i32.mul",
	OpI32DivS:           "i32.div_s",
	OpI32DivU:           "i32.div_u",
	OpI32RemS:           "i32.rem_s",
	OpI32RemU:           "i32.rem_u",
	OpI32And:            "i32.and",
	OpI32Or:             "i32.or",
	OpI32Xor:            "i32.xor",
	OpI32Shl:            "i32.shl",
	OpI32ShrS:           "i32.shr_s",
	OpI32ShrU:           "i32.shr_u",
	OpI32Rotl:           "i32.rotl",
	OpI32Rotr:           "i32.rotr",
	OpI64Clz:            "i64.clz",
	OpI64Ctz:            "i64.ctz",
	OpI64Popcnt:         "i64.popcnt",
	OpI64Add:            "i64.add",
	OpI64Sub:            "i64.sub",
	OpI64Mul:            "i64.mul",
	OpI64DivS:           "i64.div_s",
	OpI64DivU:           "i64.div_u",
	OpI64RemS:           "i64.rem_s",
	OpI64RemU:           "i64.rem_u",
	OpI64And:            "i64.and",
	OpI64Or:             "i64.or",
	OpI64Xor:            "i64.xor",
	OpI64Shl:            "i64.shl",
	OpI64ShrS:           "i64.shr_s",
	OpI64ShrU:           "i64.shr_u",
	OpI64Rotl:           "i64.rotl",
	OpI64Rotr:           "i64.rotr",
	OpF32Abs:            "f32.abs",
	OpF32Neg:            "f32.neg",
	OpF32Ceil:           "f32.ceil",
	OpF32Floor:          "f32.floor",
	OpF32Trunc:          "f32.trunc",
	OpF32Nearest:        "f32.nearest",
	OpF32Sqrt:           "f32.sqrt",
	OpF32Add:            "f32.add",
	OpF32Sub:            "f32.sub",
	OpF32Mul:            "f32.mul",
	OpF32Div:            "f32.div",
	OpF32Min:            "f32.min",
	OpF32Max:            "f32.max",
	OpF32Copysign:       "f32.copysign",
	OpF64Abs:            "f64.abs",
	OpF64Neg:            "f64.neg",
	OpF64Ceil:           "f64.ceil",
	OpF64Floor:          "f64.floor",
	OpF64Trunc:          "f64.trunc",
	OpF64Nearest:        "f64.nearest",
	OpF64Sqrt:           "f64.sqrt",
	OpF64Add:            "f64.add",
	OpF64Sub:            "f64.sub",
	OpF64Mul:            "f64.mul",
	OpF64Div:            "f64.div",
	OpF64Min:            "f64.min",
	OpF64Max:            "f64.max",
	OpF64Copysign:       "f64.copysign",
	OpI32WrapI64:        "i32.wrap_i64",
	OpI32TruncF32S:      "i32.trunc_f32_s",
	OpI32TruncF32U:      "i32.trunc_f32_u",
	OpI32TruncF64S:      "i32.trunc_f64_s",
	OpI32TruncF64U:      "i32.trunc_f64_u",
	OpI64ExtendI32S:     "i64.extend_i32_s",
	OpI64ExtendI32U:     "i64.extend_i32_u",
	OpI64TruncF32S:      "i64.trunc_f32_s",
	OpI64TruncF32U:      "i64.trunc_f32_u",
	OpI64TruncF64S:      "i64.trunc_f64_s",
	OpI64TruncF64U:      "i64.trunc_f64_u",
	OpF32ConvertI32S:    "f32.convert_i32_s",
	OpF32ConvertI32U:    "f32.convert_i32_u",
	OpF32ConvertI64S:    "f32.convert_i64_s",
	OpF32ConvertI64U:    "f32.convert_i64_u",
	OpF32DemoteF64:      "f32.demote_f64",
	OpF64ConvertI32S:    "f64.convert_i32_s",
	OpF64ConvertI32U:    "f64.convert_i32_u",
	OpF64ConvertI64S:    "f64.convert_i64_s",
	OpF64ConvertI64U:    "f64.convert_i64_u",
	OpF64PromoteF32:     "f64.promote_f32",
	OpI32ReinterpretF32: "i32.reinterpret_f32",
	OpI64ReinterpretF64: "i64.reinterpret_f64",
	OpF32ReinterpretI32: "f32.reinterpret_i32",
	OpF64ReinterpretI64: "f64.reinterpret_i64",
	OpI32Extend8S:       "i32.extend8_s",
	OpI32Extend16S:      "i32.extend16_s",
	OpI64Extend8S:       "i64.extend8_s",
	OpI64Extend16S:      "i64.extend16_s",
	OpI64Extend32S:      "i64.extend32_s",
	OpRefNull:           "ref.null",
	OpRefIsNull:         "ref.is_null",
	OpRefFunc:           "ref.func",
	OpI32TruncSatF32S:   "i32.trunc_sat_f32_s",
	OpI32TruncSatF32U:   "i32.trunc_sat_f32_u",
	OpI32TruncSatF64S:   "i32.trunc_sat_f64_s",
	OpI32TruncSatF64U:   "i32.trunc_sat_f64_u",
	OpI64TruncSatF32S:   "i64.trunc_sat_f32_s",
	OpI64TruncSatF32U:   "i64.trunc_sat_f32_u",
	OpI64TruncSatF64S:   "i64.trunc_sat_f64_s",
	OpI64TruncSatF64U:   "i64.trunc_sat_f64_u",
	OpMemoryInit:        "memory.init",
	OpDataDrop:          "data.drop",
	OpMemoryCopy:        "memory.copy",
	OpMemoryFill:        "memory.fill",
	OpTableInit:         "table.init",
	OpElemDrop:          "elem.drop",
	OpTableCopy:         "table.copy",
	OpTableGrow:         "table.grow",
	OpTableSize:         "table.size",
	OpTableFill:         "table.fill",
}
