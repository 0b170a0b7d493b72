import {describe, expect, it} from 'vitest'
import {shareEqualStrings} from '../src/infra/share-strings.js'

// Two strings of the same text built apart are two strings; V8 gives no way to
// tell them apart from JavaScript, so these tests check that sharing keeps every
// value, key and order as it was, through every kind of container it walks.
const text = (parts: string[]) => parts.join('')

describe('shareEqualStrings', () => {
  it('keeps arrays, objects, sets and maps equal and in order', () => {
    const value = {
      kind: text(['per', 'son']),
      list: [text(['ca', 'iro']), 'cairo', 3, null],
      set: new Set(['b', text(['a']), 'c']),
      map: new Map<unknown, unknown>([
        [text(['x']), {deep: [text(['per', 'son'])]}],
        ['y', new Set(['person'])]
      ])
    }
    const before = structuredClone(value)
    shareEqualStrings(value)
    expect(value).toEqual(before)
    expect([...value.set]).toEqual(['b', 'a', 'c'])
    expect([...value.map.keys()]).toEqual(['x', 'y'])
  })

  it('leaves class instances and accessors alone', () => {
    let reads = 0
    class Private {
      #word = 'kept'
      word() {
        return this.#word
      }
    }
    const instance = new Private()
    const value = {
      instance,
      get lazy() {
        reads++
        return ['never read']
      }
    }
    shareEqualStrings(value)
    expect(reads).toBe(0)
    expect(value.instance).toBe(instance)
    expect(instance.word()).toBe('kept')
  })

  it('walks a structure that refers to itself', () => {
    const node: {name: string; self?: unknown; children: unknown[]} = {name: 'root', children: []}
    node.self = node
    node.children.push(node, {name: text(['ro', 'ot'])})
    shareEqualStrings(node)
    expect(node.self).toBe(node)
    expect(node.children).toEqual([node, {name: 'root'}])
  })
})
