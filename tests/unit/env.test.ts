import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { EnvError, parseEnv } from '../../lib/env'

function thrown(source: Record<string, string | undefined>): unknown {
  try {
    parseEnv(source)
  } catch (error) {
    return error
  }
  throw new Error(`parseEnv accepted ${JSON.stringify(source)}`)
}

describe('parseEnv defaults', () => {
  it('with nothing set', () => {
    const env = parseEnv({})
    expect(env.PORT).toBe(3000)
    expect(env.DATA_DIR).toBe('.data')
    expect(env.publicUrl).toBe('http://localhost:3000')
    expect(env.mailDir).toBe(path.resolve('.data', 'mail'))
    expect(env.NODE_ENV).toBe('development')
    expect(env.LOG_LEVEL).toBe('info')
    expect(env.DATABASE_URL).toBeUndefined()
    expect(env.SMTP_URL).toBeUndefined()
    expect(env.PUBLIC_URL).toBeUndefined()
    expect(env.MAIL_FROM).toBe('Mjölbybussen <mjolbybussen@localhost>')
    expect(env.RATE_LIMITS).toBe('on')
  })

  it('the interest list is kept 12 months unless set, between 1 and 120', () => {
    expect(parseEnv({}).INTEREST_LIST_RETENTION_MONTHS).toBe(12)
    expect(parseEnv({ INTEREST_LIST_RETENTION_MONTHS: '6' }).INTEREST_LIST_RETENTION_MONTHS).toBe(6)
    for (const bad of ['0', '121', 'tolv', '1.5']) expect(thrown({ INTEREST_LIST_RETENTION_MONTHS: bad })).toBeInstanceOf(EnvError)
  })

  it('the public URL follows PORT when PUBLIC_URL is not set', () => {
    const env = parseEnv({ PORT: '8080' })
    expect(env.PORT).toBe(8080)
    expect(env.publicUrl).toBe('http://localhost:8080')
  })

  it('empty strings count as not set', () => {
    const env = parseEnv({
      NODE_ENV: '',
      DATABASE_URL: '',
      DATA_DIR: '',
      PORT: '',
      PUBLIC_URL: '',
      SMTP_URL: '',
      MAIL_FROM: '',
      LOG_LEVEL: '',
      RATE_LIMITS: '',
    })
    expect(env).toMatchObject({
      NODE_ENV: 'development',
      PORT: 3000,
      DATA_DIR: '.data',
      LOG_LEVEL: 'info',
      RATE_LIMITS: 'on',
      publicUrl: 'http://localhost:3000',
    })
    expect(env.DATABASE_URL).toBeUndefined()
    expect(env.SMTP_URL).toBeUndefined()
    expect(env.MAIL_FROM).toBe('Mjölbybussen <mjolbybussen@localhost>')
  })

  it('undefined values count as not set', () => {
    expect(parseEnv({ PORT: undefined, DATABASE_URL: undefined }).PORT).toBe(3000)
  })

  it('ignores unrelated variables', () => {
    expect(parseEnv({ HOME: '/root', PATH: '/usr/bin', npm_config_foo: 'x' }).PORT).toBe(3000)
  })
})

describe('parseEnv with values set', () => {
  it('accepts postgres:// and postgresql:// database URLs', () => {
    expect(parseEnv({ DATABASE_URL: 'postgres://user@127.0.0.1:5432/mjolbybussen' }).DATABASE_URL).toBe(
      'postgres://user@127.0.0.1:5432/mjolbybussen',
    )
    expect(parseEnv({ DATABASE_URL: 'postgresql://u:p@db/x' }).DATABASE_URL).toBe('postgresql://u:p@db/x')
  })

  it('accepts smtp:// and smtps:// mail URLs', () => {
    expect(parseEnv({ SMTP_URL: 'smtp://user:pass@smtp.example.se:587' }).SMTP_URL).toBe('smtp://user:pass@smtp.example.se:587')
    expect(parseEnv({ SMTP_URL: 'smtps://smtp.example.se' }).SMTP_URL).toBe('smtps://smtp.example.se')
  })

  it('uses PUBLIC_URL without a trailing slash', () => {
    expect(parseEnv({ PUBLIC_URL: 'https://mjolbybussen.mjolby.se/' }).publicUrl).toBe('https://mjolbybussen.mjolby.se')
    expect(parseEnv({ PUBLIC_URL: 'https://mjolbybussen.mjolby.se', PORT: '8080' }).publicUrl).toBe('https://mjolbybussen.mjolby.se')
  })

  it('puts mail under DATA_DIR', () => {
    expect(parseEnv({ DATA_DIR: '/srv/mjolbybussen' }).mailDir).toBe('/srv/mjolbybussen/mail')
    expect(parseEnv({ DATA_DIR: 'var/data' }).mailDir).toBe(path.resolve('var/data/mail'))
  })

  it('RATE_LIMITS=off turns the rate limits off (for load tests)', () => {
    expect(parseEnv({ RATE_LIMITS: 'off' }).RATE_LIMITS).toBe('off')
    expect(parseEnv({ RATE_LIMITS: 'on' }).RATE_LIMITS).toBe('on')
  })

  it('reads the other settings', () => {
    const env = parseEnv({ NODE_ENV: 'production', LOG_LEVEL: 'warn', MAIL_FROM: 'Mjölby kommun <resa@mjolby.se>', PORT: '65535' })
    expect(env).toMatchObject({ NODE_ENV: 'production', LOG_LEVEL: 'warn', MAIL_FROM: 'Mjölby kommun <resa@mjolby.se>', PORT: 65535 })
  })
})

describe('TRUST_PROXY', () => {
  it('trusts no proxy by default (the socket\'s address counts, the header is ignored)', () => {
    expect(parseEnv({}).TRUST_PROXY).toMatchObject({ hops: 0, ranges: [] })
    expect(parseEnv({ TRUST_PROXY: '' }).TRUST_PROXY).toMatchObject({ hops: 0, ranges: [] })
    expect(parseEnv({ TRUST_PROXY: '0' }).TRUST_PROXY).toMatchObject({ hops: 0, ranges: [] })
  })

  it('takes a number of hops and/or addresses, networks and named ranges', () => {
    expect(parseEnv({ TRUST_PROXY: '1' }).TRUST_PROXY).toMatchObject({ hops: 1, ranges: [] })
    expect(parseEnv({ TRUST_PROXY: ' 2 , 10.0.0.0/8, ::1, fd00::/8 ,loopback' }).TRUST_PROXY).toMatchObject({
      hops: 2,
      ranges: ['10.0.0.0/8', '::1', 'fd00::/8', 'loopback'],
    })
  })

  it('says in one line what is wrong', () => {
    const message = (thrown({ TRUST_PROXY: '10.0.0.0/8, proxy.example.se' }) as Error).message
    expect(message).toMatch(/^Fel i miljövariabeln TRUST_PROXY: ska vara antalet proxyer/)
    expect(message).toContain('«proxy.example.se»')
    expect(message).not.toContain('\n')
  })
})

describe('parseEnv with a malformed value', () => {
  it.each([
    ['DATABASE_URL', 'mysql://x'],
    ['DATABASE_URL', 'localhost:5432/db'],
    ['PORT', 'abc'],
    ['PORT', '0'],
    ['PORT', '65536'],
    ['PORT', '80.5'],
    ['PORT', '-1'],
    ['SMTP_URL', 'http://x'],
    ['SMTP_URL', 'smtp.example.se:587'],
    ['PUBLIC_URL', 'mjolbybussen.mjolby.se'],
    ['NODE_ENV', 'staging'],
    ['LOG_LEVEL', 'verbose'],
    ['MAIL_FROM', 'x'],
    ['RATE_LIMITS', 'false'],
    ['RATE_LIMITS', 'OFF'],
    ['TRUST_PROXY', 'ja'],
    ['TRUST_PROXY', '1,2'],
    ['TRUST_PROXY', '10.0.0.0/33'],
    ['TRUST_PROXY', '::1/129'],
    ['TRUST_PROXY', '-1'],
    ['TRUST_PROXY', '1.2.3'],
  ])('%s=%s throws an EnvError naming the variable', (name, value) => {
    const error = thrown({ [name]: value })
    expect(error).toBeInstanceOf(EnvError)
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).toContain(name)
  })

  it('names the variable that is wrong, not another one', () => {
    const message = (thrown({ DATABASE_URL: 'postgres://ok@db/x', SMTP_URL: 'http://x', PORT: '3000' }) as Error).message
    expect(message).toContain('SMTP_URL')
    expect(message).not.toContain('DATABASE_URL')
    expect(message).not.toContain('PORT')
  })

  it('does not repeat the value, which may hold a password', () => {
    const message = (thrown({ SMTP_URL: 'http://user:hemligt-losen@smtp.example.se' }) as Error).message
    expect(message).toContain('SMTP_URL')
    expect(message).not.toContain('hemligt-losen')
    const dbMessage = (thrown({ DATABASE_URL: 'mysql://root:hemligt-losen@db/x' }) as Error).message
    expect(dbMessage).not.toContain('hemligt-losen')
  })
})
